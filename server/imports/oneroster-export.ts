import { stringify } from "csv-stringify/sync";
import { and, eq, inArray } from "drizzle-orm";
import { strToU8, zipSync } from "fflate";
import {
  classEnrolments,
  classes,
  establishments,
  groupMemberships,
  guardianships,
  people,
  periods,
  profiles,
  subjects,
  teachingAssignments,
  teachingGroups,
} from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { currentSchoolYear } from "@/server/services/school-year";
import { gradeOf, ONEROSTER_ROLE } from "./oneroster-vocabulary";

const ABSENT = ["categories", "classResources", "courseResources", "demographics", "lineItemLearningObjectiveIds", "lineItems", "lineItemScoreScales", "resources", "resultLearningObjectiveIds", "results", "resultScoreScales", "scoreScales", "userProfiles"];
const BULK = ["academicSessions", "classes", "courses", "enrollments", "orgs", "roles", "users"];

/** Rows without a repeated sourcedId (a lead teacher of a class appears once however many subjects they teach it). */
const unique = <T extends unknown[]>(rows: T[]) => [...new Map(rows.map((row) => [row[0], row])).values()];

const csv = (header: string[], rows: (string | number | boolean | null)[][]) => strToU8(stringify([header, ...rows.map((r) => r.map((v) => (v === null ? "" : String(v))))], { record_delimiter: "\r\n" }));

/**
 * The establishment's roster for the current school year as a OneRoster 1.2 CSV bulk package (a ZIP), so that
 * international tools (LMS, reading platforms) can be fed from Préau: the school (orgs), the year and its periods
 * (academicSessions), subjects and homerooms (courses), French classes as homerooms, each teaching assignment as a
 * scheduled class coded "<subject code>-<class or group>", and a group nobody teaches yet as a scheduled class of the
 * homeroom course (classes), people (users, with guardians and children linked through agentSourcedIds), their roles,
 * and who is in which class (enrollments). `readOneRoster` reads it back.
 */
export async function exportOneRoster(db: Db, establishmentId: string, now = new Date()): Promise<Uint8Array> {
  const stamp = now.toISOString();
  const [school] = await db.select().from(establishments).where(eq(establishments.id, establishmentId));
  const year = await currentSchoolYear(db, establishmentId, now);
  const yearId = year?.id ?? "";
  const [profileRows, classRows, groupRows, subjectRows, assignmentRows] = await Promise.all([
    db.select({ personId: profiles.personId, role: profiles.role }).from(profiles).where(eq(profiles.establishmentId, establishmentId)),
    db.select().from(classes).where(and(eq(classes.establishmentId, establishmentId), eq(classes.schoolYearId, yearId))),
    db.select().from(teachingGroups).where(and(eq(teachingGroups.establishmentId, establishmentId), eq(teachingGroups.schoolYearId, yearId))),
    db.select().from(subjects).where(eq(subjects.establishmentId, establishmentId)),
    db.select().from(teachingAssignments).where(eq(teachingAssignments.establishmentId, establishmentId)),
  ]);
  const personIds = [...new Set(profileRows.map((p) => p.personId))];
  const classIds = classRows.map((c) => c.id);
  const groupIds = groupRows.map((g) => g.id);
  const [personRows, enrolments, memberships, links, periodRows] = await Promise.all([
    personIds.length ? db.select().from(people).where(inArray(people.id, personIds)) : [],
    classIds.length ? db.select().from(classEnrolments).where(inArray(classEnrolments.classId, classIds)) : [],
    groupIds.length ? db.select().from(groupMemberships).where(inArray(groupMemberships.groupId, groupIds)) : [],
    personIds.length ? db.select().from(guardianships).where(inArray(guardianships.studentId, personIds)) : [],
    yearId ? db.select().from(periods).where(eq(periods.schoolYearId, yearId)) : [],
  ]);
  const classById = new Map(classRows.map((c) => [c.id, c]));
  const levelOf = new Map(enrolments.map((e) => [e.studentId, classById.get(e.classId)?.level ?? ""]));
  const rolesOf = (id: string) => profileRows.filter((p) => p.personId === id).map((p) => p.role);
  const agents = (id: string) => [...links.filter((l) => l.studentId === id).map((l) => l.guardianId), ...links.filter((l) => l.guardianId === id).map((l) => l.studentId)].join(",");
  const assignments = assignmentRows.filter((a) => (a.classId && classById.has(a.classId)) || (a.groupId && groupIds.includes(a.groupId)));
  const subjectById = new Map(subjectRows.map((s) => [s.id, s]));
  // a group nobody is assigned to teach yet still has its pupils: it goes as a class of the homeroom course
  const untaughtGroups = groupRows.filter((g) => !assignments.some((a) => a.groupId === g.id));
  const termIds = periodRows.map((p) => p.id).join(",") || yearId;
  const endYear = year ? year.endsOn.slice(0, 4) : "";

  const files: Record<string, Uint8Array> = {
    "manifest.csv": csv(["propertyName", "value"], [
      ["manifest.version", "1.0"],
      ["oneroster.version", "1.2"],
      ...BULK.map((f) => [`file.${f}`, "bulk"]),
      ...ABSENT.map((f) => [`file.${f}`, "absent"]),
      ["source.systemName", "Préau"],
      ["source.systemCode", school.uai],
    ]),
    "orgs.csv": csv(["sourcedId", "status", "dateLastModified", "name", "type", "identifier", "parentSourcedId"], [[school.id, "active", stamp, school.name, "school", school.uai, null]]),
    "academicSessions.csv": csv(["sourcedId", "status", "dateLastModified", "title", "type", "startDate", "endDate", "parentSourcedId", "schoolYear"], [
      ...(year ? [[year.id, "active", stamp, year.label, "schoolYear", year.startsOn, year.endsOn, null, endYear]] : []),
      ...periodRows.map((p) => [p.id, "active", stamp, `${p.kind === "trimester" ? "Trimestre" : "Semestre"} ${p.ordinal}`, p.kind === "trimester" ? "term" : "semester", p.startsOn, p.endsOn, yearId, endYear]),
    ]),
    "courses.csv": csv(["sourcedId", "status", "dateLastModified", "schoolYearSourcedId", "title", "courseCode", "grades", "orgSourcedId", "subjects", "subjectCodes"], [
      [`homeroom-${school.id}`, "active", stamp, yearId, "Classe", "CLASSE", null, school.id, null, null],
      ...subjectRows.map((s) => [s.id, "active", stamp, yearId, s.name, s.code, null, school.id, s.name, s.code]),
    ]),
    "classes.csv": csv(["sourcedId", "status", "dateLastModified", "title", "grades", "courseSourcedId", "classCode", "classType", "location", "schoolSourcedId", "termSourcedIds", "subjects", "subjectCodes", "periods"], [
      ...classRows.map((c) => [c.id, "active", stamp, c.name, gradeOf(c.level), `homeroom-${school.id}`, c.name, "homeroom", null, school.id, termIds, null, null, null]),
      ...assignments.map((a) => {
        const subject = subjectById.get(a.subjectId)!;
        const audience = a.classId ? classById.get(a.classId)!.name : groupRows.find((g) => g.id === a.groupId)!.name;
        return [a.id, "active", stamp, `${subject.name} ${audience}`, a.classId ? gradeOf(classById.get(a.classId)!.level) : null, subject.id, `${subject.code}-${audience}`, "scheduled", null, school.id, termIds, subject.name, subject.code, null];
      }),
      ...untaughtGroups.map((g) => [g.id, "active", stamp, g.name, null, `homeroom-${school.id}`, g.name, "scheduled", null, school.id, termIds, null, null, null]),
    ]),
    "users.csv": csv(["sourcedId", "status", "dateLastModified", "enabledUser", "username", "userIds", "givenName", "familyName", "middleName", "identifier", "email", "sms", "phone", "agentSourcedIds", "grades", "password", "userMasterIdentifier", "resourceSourcedIds", "preferredGivenName", "preferredMiddleName", "preferredFamilyName", "primaryOrgSourcedId", "pronouns"],
      personRows.map((p) => [p.id, "active", stamp, p.status !== "disabled", p.login, null, p.firstName, p.lastName, null, p.login, p.email, null, p.phone, agents(p.id), gradeOf(levelOf.get(p.id) ?? ""), null, null, null, null, null, null, school.id, null]),
    ),
    "roles.csv": csv(["sourcedId", "status", "dateLastModified", "userSourcedId", "roleType", "role", "beginDate", "endDate", "orgSourcedId", "userProfileSourcedId"],
      personRows.flatMap((p) => rolesOf(p.id).map((role, index) => [`${p.id}-${role}`, "active", stamp, p.id, index === 0 ? "primary" : "secondary", ONEROSTER_ROLE[role], null, null, school.id, null])),
    ),
    "enrollments.csv": csv(["sourcedId", "status", "dateLastModified", "classSourcedId", "schoolSourcedId", "userSourcedId", "role", "primary", "beginDate", "endDate"], unique([
      ...enrolments.map((e) => [`${e.classId}-${e.studentId}`, "active", stamp, e.classId, school.id, e.studentId, "student", false, null, null]),
      ...assignments.flatMap((a) => {
        const pupils = a.classId ? enrolments.filter((e) => e.classId === a.classId).map((e) => e.studentId) : memberships.filter((m) => m.groupId === a.groupId).map((m) => m.studentId);
        return [
          [`${a.id}-${a.teacherId}`, "active", stamp, a.id, school.id, a.teacherId, "teacher", true, null, null],
          ...pupils.map((id) => [`${a.id}-${id}`, "active", stamp, a.id, school.id, id, "student", false, null, null]),
          ...(a.isLeadTeacher && a.classId ? [[`${a.classId}-${a.teacherId}`, "active", stamp, a.classId, school.id, a.teacherId, "teacher", true, null, null]] : []),
        ];
      }),
      ...untaughtGroups.flatMap((g) =>
        memberships.filter((m) => m.groupId === g.id).map((m) => [`${g.id}-${m.studentId}`, "active", stamp, g.id, school.id, m.studentId, "student", false, null, null]),
      ),
    ])),
  };
  return zipSync(files, { level: 6 });
}
