import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { absenceJustifications, absences, auditLog, classes, establishments, people, periods, schoolYears } from "@/drizzle/schema";
import { addDays, isoDate, schoolInstant } from "@/server/calendar/days";
import type { Database } from "@/server/db/client";
import { createLocalBus, type DomainEvents } from "@/server/events/bus";
import { DEMO_ACCOUNTS, DEMO_ESTABLISHMENTS } from "@/server/seed/demo-accounts";
import { DEMO_WEEK } from "@/server/seed/timetable-changes";
import { type Caller, callerFor } from "@/server/testing/callers";
import { createTestDatabase } from "@/server/testing/database";
import { occurrencesBetween } from "@/server/timetable/occurrences";
import { absenceCounts } from "./counts";
import { missingNow } from "./desk";
import { followUp } from "./follow-up";
import { absencesToJustify } from "./pupil";
import { rollCallWindow } from "./roll-call-window";
import { rollCallsToTake } from "./teacher-lessons";
import { loadScope } from "@/server/policy/scope";

const COLLEGE = DEMO_ESTABLISHMENTS.college.uai;
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n");
let database: Database;
let emma: string;
let hugo: string;
/** The period of Emma's absence last week, which the demo leaves to justify. */
let trimester: string;
let allPeriods: string[];
const recorded: DomainEvents["absence.recorded"][] = [];
const justified: DomainEvents["absence.justification"][] = [];
const bus = createLocalBus();

const idOf = async (login: string) =>
  (await database.db.select({ id: people.id }).from(people).where(eq(people.login, login)))[0].id;
const as = (key: keyof typeof DEMO_ACCOUNTS): Promise<Caller> => callerFor(database.db, DEMO_ACCOUNTS[key].login, COLLEGE, bus);
const countsOverTheYear = async (studentId: string) => {
  const counts = await Promise.all(allPeriods.map((period) => absenceCounts(database.db, studentId, period)));
  return counts.reduce((sum, c) => ({
    halfDays: sum.halfDays + c.halfDays,
    justifiedHalfDays: sum.justifiedHalfDays + c.justifiedHalfDays,
    unjustifiedHalfDays: sum.unjustifiedHalfDays + c.unjustifiedHalfDays,
    lates: sum.lates + c.lates,
  }));
};
const emmasAbsences = async (api: Caller) => (await api.attendance.ofStudent({ studentId: emma, periodId: trimester }))!;

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  bus.subscribe("absence.recorded", (event) => recorded.push(event));
  bus.subscribe("absence.justification", (event) => justified.push(event));
  [emma, hugo] = await Promise.all([idOf(DEMO_ACCOUNTS.student.login), idOf(DEMO_ACCOUNTS.classmate.login)]);
  const college = await database.db
    .select({ id: periods.id, startsOn: periods.startsOn, endsOn: periods.endsOn })
    .from(periods)
    .innerJoin(schoolYears, eq(schoolYears.id, periods.schoolYearId))
    .innerJoin(establishments, and(eq(establishments.id, schoolYears.establishmentId), eq(establishments.uai, COLLEGE)));
  allPeriods = college.map((p) => p.id);
  const lastThursday = addDays(DEMO_WEEK, -4);
  trimester = college.find((p) => p.startsOn <= lastThursday && lastThursday <= p.endsOn)!.id;
});
afterAll(() => database.close());

describe("the demo's attendance", () => {
  it("counts Emma's half-day missed and her late, and Hugo's two days of illness, justified", async () => {
    expect(await absenceCounts(database.db, emma, trimester)).toEqual({ halfDays: 1, justifiedHalfDays: 0, unjustifiedHalfDays: 1, lates: 1 });
    // Hugo's two days, two weeks ago, may straddle two periods: counted over the year
    expect(await countsOverTheYear(hugo)).toEqual({ halfDays: 4, justifiedHalfDays: 4, unjustifiedHalfDays: 0, lates: 0 });
  });

  it("gives Sophie Emma's absence to justify on her home page", async () => {
    const sophie = await loadScope(database.db, await idOf(DEMO_ACCOUNTS.guardian.login), await establishmentOf());
    const toJustify = await absencesToJustify(database.db, sophie.establishmentId, sophie.childIds);
    expect(toJustify).toEqual([expect.objectContaining({ studentId: emma, kind: "absence", status: "unjustified" })]);
  });

  it("shows vie scolaire who is absent this Monday morning and which roll calls are not taken", async () => {
    const mondayMorning = schoolInstant(DEMO_WEEK, "10:30");
    const desk = await missingNow(database.db, await establishmentOf(), mondayMorning);
    expect(desk.absent).toHaveLength(1);
    expect(desk.absent[0]).toMatchObject({ className: "4eB", status: "accepted" });
    expect(desk.rollCallsMissing.length).toBeGreaterThan(10);
    expect(desk.rollCallsMissing[0].inProgress).toBe(true);
    expect(desk.rollCallsMissing.every((m) => schoolInstant(m.occurrence.on, m.occurrence.startsAt) <= mondayMorning)).toBe(true);
  });

  it("lists what vie scolaire has to deal with, justifications waiting first, by class", async () => {
    const [class4eB] = await database.db.select({ id: classes.id }).from(classes).where(eq(classes.name, "4eB"));
    const list = await followUp(database.db, await establishmentOf(), { classId: class4eB.id });
    expect(list.items[0]).toMatchObject({ status: "pending", justification: { reason: "medical_appointment", decision: "pending" } });
    expect(list.items.map((i) => i.status)).toEqual(["pending", "unjustified", "unjustified", "unjustified"]);
    expect((await followUp(database.db, await establishmentOf(), { status: "pending" })).items).toHaveLength(1);
  });

  it("tells a teacher which of today's roll calls are still to take", async () => {
    const claire = await loadScope(database.db, await idOf(DEMO_ACCOUNTS.leadTeacher.login), await establishmentOf());
    const toTake = await rollCallsToTake(database.db, claire, schoolInstant(DEMO_WEEK, "07:00"));
    const today = await occurrencesBetween(database.db, { establishmentId: claire.establishmentId, teacherIds: [claire.personId] }, DEMO_WEEK, DEMO_WEEK);
    expect(toTake.map((l) => l.occurrence.lessonId)).toEqual(today.filter((o) => !o.change?.cancelled).map((o) => o.lessonId));
  });
});

async function establishmentOf() {
  const [row] = await database.db.select({ id: classes.establishmentId }).from(classes).where(eq(classes.name, "4eB"));
  return row.id;
}

describe("justifying an absence", () => {
  let absenceId: string;

  beforeAll(async () => {
    const sophie = await as("guardian");
    absenceId = (await emmasAbsences(sophie)).absences.find((a) => a.kind === "absence" && a.status === "unjustified")!.id;
  });

  it("goes pending with its document, typed from its bytes, which only the sender and vie scolaire download", async () => {
    const sophie = await as("guardian");
    await sophie.attendance.justify({
      absenceId,
      reason: "illness",
      comment: "Fièvre, certificat joint.",
      document: { name: "certificat.png", content: PDF.toString("base64") },
    });
    expect(justified.at(-1)).toEqual({ establishmentId: expect.any(String), absenceId, studentId: emma, status: "pending" });
    const seen = (await emmasAbsences(sophie)).absences.find((a) => a.id === absenceId)!;
    expect(seen).toMatchObject({ status: "pending", justification: { reason: "illness", documentIsMine: true, documentName: "certificat.png" } });

    const justificationId = seen.justification!.id;
    const download = await sophie.attendance.document({ justificationId });
    expect(download).toMatchObject({ type: "application/pdf", extension: "pdf" });
    expect(Buffer.from(download.content, "base64").equals(PDF)).toBe(true);
    await expect((await as("cpe")).attendance.document({ justificationId })).resolves.toMatchObject({ type: "application/pdf" });
    const thomas = await callerFor(database.db, "thomas.bernard", COLLEGE);
    await expect(thomas.attendance.document({ justificationId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect((await as("student")).attendance.document({ justificationId })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("cannot be sent twice while pending, nor with a document that is not one", async () => {
    const sophie = await as("guardian");
    await expect(sophie.attendance.justify({ absenceId, reason: "family" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "attendance.errors.alreadyPending",
    });
    const other = (await emmasAbsences(sophie)).absences.find((a) => a.status === "accepted")!;
    const script = Buffer.from("<script>alert(1)</script>").toString("base64");
    await expect(
      sophie.attendance.justify({ absenceId: other.id, reason: "other", document: { name: "x.pdf", content: script } }),
    ).rejects.toMatchObject({ message: "attendance.errors.documentType" });
  });

  it("is refused, justified again, then accepted by vie scolaire, each decision told", async () => {
    const nadia = await as("cpe");
    const sophie = await as("guardian");
    await nadia.attendance.decide({ absenceId, decision: "refused", comment: "Certificat illisible." });
    expect(justified.at(-1)).toMatchObject({ absenceId, status: "refused" });
    expect((await emmasAbsences(sophie)).absences.find((a) => a.id === absenceId)).toMatchObject({
      status: "refused",
      reason: null,
      justification: { decision: "refused", decisionComment: "Certificat illisible." },
    });
    await expect(nadia.attendance.decide({ absenceId, decision: "accepted" })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    await sophie.attendance.justify({ absenceId, reason: "illness", comment: "Nouveau certificat." });
    await nadia.attendance.decide({ absenceId, decision: "accepted" });
    expect(justified.at(-1)).toMatchObject({ absenceId, status: "accepted" });
    const [row] = await database.db.select().from(absences).where(eq(absences.id, absenceId));
    expect(row).toMatchObject({ status: "accepted", reason: "illness" });
    await expect(sophie.attendance.justify({ absenceId, reason: "illness" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await absenceCounts(database.db, emma, trimester)).toMatchObject({ halfDays: 1, justifiedHalfDays: 1 });
  });

  it("takes a reason set by vie scolaire after a phone call, accepting what the family sent meanwhile", async () => {
    const nadia = await as("cpe");
    const list = await nadia.attendance.followUp({ status: "pending" });
    const waiting = list.items[0];
    await nadia.attendance.setReason({ absenceId: waiting.id, reason: "family", comment: "Appel du père." });
    const [row] = await database.db.select().from(absences).where(eq(absences.id, waiting.id));
    expect(row).toMatchObject({ status: "accepted", reason: "family", staffComment: "Appel du père." });
    const sent = await database.db.select().from(absenceJustifications).where(eq(absenceJustifications.absenceId, waiting.id));
    expect(sent.map((j) => j.decision)).toEqual(["accepted"]);
  });
});

describe("reading a pupil's absences", () => {
  it("is audited when staff read them, not when the family does", async () => {
    const audited = () =>
      database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "attendance.viewed"), eq(auditLog.subjectId, emma)));
    await emmasAbsences(await as("guardian"));
    await emmasAbsences(await as("student"));
    expect(await audited()).toHaveLength(0);
    await emmasAbsences(await as("cpe"));
    await emmasAbsences(await as("leadTeacher"));
    expect(await audited()).toHaveLength(2);
  });
});

describe("a roll call through the API", () => {
  it("tells families of each new absence once, and vie scolaire can record more", async () => {
    const claire = await as("leadTeacher");
    const claireId = await idOf(DEMO_ACCOUNTS.leadTeacher.login);
    const now = new Date();
    const recent = await occurrencesBetween(
      database.db,
      { establishmentId: await establishmentOf(), teacherIds: [claireId] },
      addDays(isoDate(now), -7),
      isoDate(now),
    );
    const open = recent.filter((o) => !o.change?.cancelled && rollCallWindow(o, now) === "open").at(-1)!;
    const ref = { lessonId: open.lessonId, plannedOn: open.plannedOn };
    const sheet = await claire.attendance.rollCall(ref);
    const pupil = sheet.pupils.find((p) => p.mark.status === "present")!;
    const before = recorded.length;
    await claire.attendance.saveRollCall({ ...ref, marks: [{ studentId: pupil.id, status: "absent" }] });
    await claire.attendance.saveRollCall({ ...ref, marks: [{ studentId: pupil.id, status: "absent" }] });
    expect(recorded.slice(before)).toEqual([expect.objectContaining({ studentId: pupil.id, kind: "absence" })]);

    const nadia = await as("cpe");
    await nadia.attendance.recordLate({ studentId: hugo, day: DEMO_WEEK, arrivedAt: "08:12", minutesLate: 12 });
    await expect(
      nadia.attendance.recordLate({ studentId: hugo, day: DEMO_WEEK, arrivedAt: "08:10", minutesLate: 10 }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      nadia.attendance.recordAbsence({
        studentId: hugo,
        from: { day: "2026-11-26", half: "afternoon" },
        to: { day: "2026-11-26", half: "morning" },
      }),
    ).rejects.toMatchObject({ message: "attendance.errors.spanOrder" });
    expect(recorded.at(-1)).toMatchObject({ studentId: hugo, kind: "late" });
  });
});
