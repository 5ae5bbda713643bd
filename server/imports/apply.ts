import { and, eq, inArray, sql } from "drizzle-orm";
import {
  classEnrolments,
  classes,
  groupMemberships,
  guardianships,
  importIdentities,
  people,
  profiles,
  scheduledErasures,
  subjects,
  teachingAssignments,
  teachingGroups,
} from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/domain-error";
import { compactName } from "./existing";
import { type ImportPlan, planImport, type RosterFiles } from "./plan";

/** How long a leaver's personal data is kept once they left (three months, as French ENT rules require). */
export const LEAVER_RETENTION_MONTHS = 3;

const BATCH = 500;

export interface ImportSummary {
  created: number;
  updated: number;
  leavers: number;
  classes: number;
  groups: number;
  /** the people whose scope (classes, children, teaching) changed, for the caches to forget */
  affected: string[];
}

/** Reports how far applying has got: steps done out of the total, so that a large file shows its progress. */
export type Progress = (done: number, total: number) => void;

async function inBatches<T>(items: T[], write: (batch: T[]) => Promise<unknown>, tick: (n: number) => void) {
  for (let start = 0; start < items.length; start += BATCH) {
    const batch = items.slice(start, start + BATCH);
    await write(batch);
    tick(batch.length);
  }
}

/** The value the conflicting insert proposed for a column (`excluded.<column>`), for upserts. */
const sqlExcluded = (column: string) => sql.raw(`excluded.${column}`);
const sqlExcludedPerson = sqlExcluded("person_id");

export function leaverErasureDate(now: Date): Date {
  const due = new Date(now);
  due.setMonth(due.getMonth() + LEAVER_RETENTION_MONTHS);
  return due;
}

/**
 * Applies an import all or nothing: the plan is made again inside one transaction (so that nothing changed since the
 * dry run), and a plan with any error writes nothing.
 */
export async function applyImport(
  db: Db,
  establishmentId: string,
  schoolYearId: string,
  files: RosterFiles,
  onProgress: Progress = () => {},
  now = new Date(),
): Promise<ImportSummary & { plan: ImportPlan }> {
  return db.transaction(async (tx) => {
    const plan = await planImport(tx, establishmentId, schoolYearId, files);
    if (plan.fileErrors.length || plan.errorCount > 0) throw new DomainError("imports.errors.notApplied");
    const { ops } = plan;
    const total =
      ops.newPeople.length + ops.updates.length + ops.identities.length + ops.profiles.length + ops.enrol.length +
      ops.joinGroups.length + ops.links.length + ops.assignments.length + ops.disable.length + 1;
    let done = 0;
    const tick = (n: number) => onProgress((done += n), total);

    const ids = new Map(plan.known);
    await inBatches(
      ops.newPeople,
      async (batch) => {
        const rows = await tx
          .insert(people)
          .values(batch.map(({ login, firstName, lastName, email, phone }) => ({ login, firstName, lastName, email, phone, status: "pending" as const })))
          .returning({ id: people.id, login: people.login });
        const byLogin = new Map(rows.map((r) => [r.login, r.id]));
        for (const person of batch) for (const key of person.keys) ids.set(key, byLogin.get(person.login)!);
      },
      tick,
    );
    const idOf = (keyOrId: string) => ids.get(keyOrId) ?? keyOrId;

    for (const { personId, set } of ops.updates) await tx.update(people).set(set).where(eq(people.id, personId));
    tick(ops.updates.length);
    for (const { personId, status } of ops.reenable) {
      await tx.update(people).set({ status, disabledAt: null }).where(eq(people.id, personId));
      await tx.delete(scheduledErasures).where(eq(scheduledErasures.personId, personId));
    }
    await inBatches(
      ops.identities,
      (batch) =>
        tx
          .insert(importIdentities)
          .values(batch.map(({ externalId, key }) => ({ establishmentId, externalId, personId: idOf(key) })))
          .onConflictDoUpdate({ target: [importIdentities.establishmentId, importIdentities.externalId], set: { personId: sqlExcludedPerson } }),
      tick,
    );
    await inBatches(
      ops.profiles,
      (batch) => tx.insert(profiles).values(batch.map(({ key, role }) => ({ personId: idOf(key), establishmentId, role }))).onConflictDoNothing(),
      tick,
    );
    for (const { personId, roles } of ops.profileRemovals) {
      await tx
        .delete(profiles)
        .where(and(eq(profiles.personId, personId), eq(profiles.establishmentId, establishmentId), inArray(profiles.role, roles)));
    }

    const classIds = await namedIds(tx, ops.classes.length ? ops.classes : [], establishmentId, schoolYearId, "class");
    const groupIds = await namedIds(tx, ops.groups.map((name) => ({ name, level: "" })), establishmentId, schoolYearId, "group");
    if (ops.subjects.length) await tx.insert(subjects).values(ops.subjects.map((s) => ({ ...s, establishmentId }))).onConflictDoNothing();
    const subjectIds = new Map(
      (await tx.select({ id: subjects.id, code: subjects.code }).from(subjects).where(eq(subjects.establishmentId, establishmentId))).map((s) => [s.code, s.id]),
    );

    for (const { personId, classId } of ops.unenrol) {
      await tx.delete(classEnrolments).where(and(eq(classEnrolments.studentId, personId), eq(classEnrolments.classId, classId)));
    }
    await inBatches(
      ops.enrol,
      (batch) =>
        tx
          .insert(classEnrolments)
          .values(batch.map(({ key, className }) => ({ studentId: idOf(key), classId: classIds.get(compactName(className))! })))
          .onConflictDoNothing(),
      tick,
    );
    for (const { personId, groupId } of ops.leaveGroups) {
      await tx.delete(groupMemberships).where(and(eq(groupMemberships.studentId, personId), eq(groupMemberships.groupId, groupId)));
    }
    await inBatches(
      ops.joinGroups,
      (batch) =>
        tx
          .insert(groupMemberships)
          .values(batch.map(({ key, groupName }) => ({ studentId: idOf(key), groupId: groupIds.get(compactName(groupName))! })))
          .onConflictDoNothing(),
      tick,
    );
    for (const { guardianId, studentId } of ops.unlinks) {
      await tx.delete(guardianships).where(and(eq(guardianships.guardianId, guardianId), eq(guardianships.studentId, studentId)));
    }
    await inBatches(
      ops.links,
      (batch) =>
        tx
          .insert(guardianships)
          .values(
            batch.map((link) => ({
              guardianId: idOf(link.guardianKey),
              studentId: idOf(link.childKey),
              relationship: link.relationship,
              receivesInformation: link.receivesInformation,
            })),
          )
          .onConflictDoUpdate({
            target: [guardianships.guardianId, guardianships.studentId],
            set: { relationship: sqlExcluded("relationship"), receivesInformation: sqlExcluded("receives_information") },
          }),
      tick,
    );
    await inBatches(
      ops.assignments,
      (batch) =>
        tx.insert(teachingAssignments).values(
          batch.map((a) => ({
            establishmentId,
            teacherId: idOf(a.teacherKey),
            subjectId: subjectIds.get(a.subject)!,
            classId: a.className ? classIds.get(compactName(a.className))! : null,
            groupId: a.groupName ? groupIds.get(compactName(a.groupName))! : null,
            isLeadTeacher: a.lead,
          })),
        ),
      tick,
    );
    if (ops.disable.length) {
      await tx.update(people).set({ status: "disabled", disabledAt: now }).where(inArray(people.id, ops.disable));
      await tx
        .insert(scheduledErasures)
        .values(ops.disable.map((personId) => ({ personId, establishmentId, dueAt: leaverErasureDate(now), scheduledAt: now })))
        .onConflictDoNothing();
      tick(ops.disable.length);
    }
    tick(1);

    const lines = plan.lines;
    return {
      plan,
      created: ops.newPeople.length,
      updated: lines.filter((l) => l.action === "update").length,
      leavers: plan.leavers.length,
      classes: ops.classes.length,
      groups: ops.groups.length,
      affected: [...new Set([...ids.values(), ...plan.leavers.map((l) => l.personId)])],
    };
  });
}

/** The ids of the year's classes (or groups) by compact name, creating those the plan adds. */
async function namedIds(tx: Db, toCreate: { name: string; level: string }[], establishmentId: string, schoolYearId: string, what: "class" | "group") {
  if (what === "class") {
    if (toCreate.length) await tx.insert(classes).values(toCreate.map((c) => ({ ...c, establishmentId, schoolYearId }))).onConflictDoNothing();
    const rows = await tx.select({ id: classes.id, name: classes.name }).from(classes).where(eq(classes.schoolYearId, schoolYearId));
    return new Map(rows.map((r) => [compactName(r.name), r.id]));
  }
  if (toCreate.length) await tx.insert(teachingGroups).values(toCreate.map(({ name }) => ({ name, establishmentId, schoolYearId }))).onConflictDoNothing();
  const rows = await tx.select({ id: teachingGroups.id, name: teachingGroups.name }).from(teachingGroups).where(eq(teachingGroups.schoolYearId, schoolYearId));
  return new Map(rows.map((r) => [compactName(r.name), r.id]));
}
