import { and, eq } from "drizzle-orm";
import { classes, homework, homeworkDone, lessonLogs } from "@/drizzle/schema";
import { addDays } from "@/server/calendar/days";
import type { Db } from "@/server/db/client";
import { nextSessions } from "@/server/homework/next-sessions";
import { audiencePupils, pupilAudiences } from "@/server/services/audiences";
import { occurrencesBetween } from "@/server/timetable/occurrences";
import { DEFAULT_SUBJECT_LOG, HOMEWORK_CATALOGUE } from "./homework-catalogue";
import type { Random } from "./random";
import { insertInChunks } from "./rows";

/** Whose cahier de textes the demo fills: one class, around the demo's "today" (a Monday). */
export interface DemoHomeworkPins {
  establishmentId: string;
  className: string;
  /** the Monday of the demo week: the two weeks before it are written, the week itself is left to the teachers */
  week: string;
  /** the pupil whose ticks show on their page: most of last week's homework done, one of this week's */
  studentId: string;
}

/**
 * Fills the cahier de textes of a class for the two weeks before the demo week: every lesson that took place has its
 * entry, most give homework due at the subject's next session (so some is due in the demo week), and the French and
 * maths teachers set a piece to hand in the week after. Pupils have ticked what they did. It runs on the inserted
 * timetable, through the same occurrences every page reads, so holidays, A/B weeks and changes are respected.
 */
export async function seedDemoHomework(db: Db, pins: DemoHomeworkPins, random: Random): Promise<void> {
  const [theClass] = await db
    .select({ id: classes.id })
    .from(classes)
    .where(and(eq(classes.establishmentId, pins.establishmentId), eq(classes.name, pins.className)));
  const pupils = (await audiencePupils(db, { classId: theClass.id })).map((p) => p.id);
  const { groupIds } = await pupilAudiences(db, pins.establishmentId, pupils);
  const occurrences = await occurrencesBetween(
    db,
    { establishmentId: pins.establishmentId, classIds: [theClass.id], groupIds },
    addDays(pins.week, -14),
    addDays(pins.week, -1),
  );

  const logs: (typeof lessonLogs.$inferInsert)[] = [];
  const given: GivenRow[] = [];
  /** the class or group each homework was given to: whose pupils may tick it */
  const audienceOf = new Map<string, Audience>();
  const give = (row: GivenRow, audience: Audience) => {
    given.push(row);
    audienceOf.set(row.id, audience);
  };
  const sessionsSeen = new Map<string, number>();
  const lastOfSubject = new Map<string, (typeof occurrences)[number]>();
  for (const occurrence of occurrences) {
    if (occurrence.change?.cancelled) continue;
    const subject = HOMEWORK_CATALOGUE[occurrence.subject.code] ?? DEFAULT_SUBJECT_LOG;
    const key = `${occurrence.subject.code}/${occurrence.audience.id}`;
    const index = sessionsSeen.get(key) ?? 0;
    sessionsSeen.set(key, index + 1);
    lastOfSubject.set(key, occurrence);
    const authorId = occurrence.change?.substitute?.id ?? occurrence.teachers[0]?.id ?? null;
    logs.push({
      id: random.uuid(),
      lessonId: occurrence.lessonId,
      onDate: occurrence.plannedOn,
      content: subject.sessions[index % subject.sessions.length],
      authorId,
      updatedAt: new Date(`${occurrence.on}T17:00:00Z`),
    });
    const everyday = subject.homework.filter((h) => !h.handIn);
    // last week's sessions give more often: that is what the demo week shows as due
    const rate = occurrence.on >= addDays(pins.week, -7) ? Math.min(1, subject.homeworkRate * 1.5) : subject.homeworkRate;
    if (everyday.length === 0 || !random.chance(rate)) continue;
    const [next] = await nextSessions(db, pins.establishmentId, occurrence, 1);
    if (!next) continue;
    const pick = everyday[index % everyday.length];
    give(homeworkRow(random, pins, occurrence, authorId, next.on, pick), occurrence.audience);
  }
  // The pieces to hand in, set in the last session before the demo week, due the session after next.
  for (const code of ["FRANC", "MATHS"]) {
    const occurrence = [...lastOfSubject.entries()].find(([key]) => key.startsWith(`${code}/`))?.[1];
    const piece = HOMEWORK_CATALOGUE[code].homework.find((h) => h.handIn);
    if (!occurrence || !piece) continue;
    const sessions = await nextSessions(db, pins.establishmentId, occurrence, 8);
    const due = sessions.find((s) => s.on >= addDays(pins.week, 7)) ?? sessions.at(-1);
    if (due) give(homeworkRow(random, pins, occurrence, occurrence.teachers[0]?.id ?? null, due.on, piece), occurrence.audience);
  }

  const pupilsOf = new Map<string, string[]>();
  for (const row of given) {
    const audience = audienceOf.get(row.id)!;
    const members = await audiencePupils(db, audience.kind === "class" ? { classId: audience.id } : { groupId: audience.id });
    pupilsOf.set(row.id, members.map((p) => p.id));
  }
  await insertInChunks(db, lessonLogs, logs);
  await insertInChunks(db, homework, given);
  await insertInChunks(db, homeworkDone, demoTicks(random, pins, given, pupilsOf));
}

type GivenRow = typeof homework.$inferInsert & { id: string; dueOn: string };
type Audience = { kind: "class" | "group"; id: string };

function homeworkRow(
  random: Random,
  pins: DemoHomeworkPins,
  occurrence: { lessonId: string; plannedOn: string; on: string },
  authorId: string | null,
  dueOn: string,
  piece: { instructions: typeof homework.$inferInsert.instructions; minutes: number; handIn?: boolean },
): GivenRow {
  return {
    id: random.uuid(),
    establishmentId: pins.establishmentId,
    lessonId: occurrence.lessonId,
    givenOn: occurrence.plannedOn,
    dueOn,
    instructions: piece.instructions,
    estimatedMinutes: piece.minutes,
    handIn: piece.handIn ?? false,
    authorId,
    createdAt: new Date(`${occurrence.on}T17:00:00Z`),
    updatedAt: new Date(`${occurrence.on}T17:00:00Z`),
  };
}

/**
 * Who ticked what (pupils of each homework's class or group): most did what was due before the demo week, fewer what
 * is due in it. The pinned pupil did all of last week's homework but one, and the first piece due this week.
 */
function demoTicks(random: Random, pins: DemoHomeworkPins, given: GivenRow[], pupilsOf: Map<string, string[]>) {
  const ticks: (typeof homeworkDone.$inferInsert)[] = [];
  const theirs = given.filter((h) => pupilsOf.get(h.id)?.includes(pins.studentId));
  const past = theirs.filter((h) => h.dueOn < pins.week);
  const thisWeek = theirs.filter((h) => h.dueOn >= pins.week).sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  past.forEach((h, index) => {
    if (index !== past.length - 1) ticks.push({ homeworkId: h.id, studentId: pins.studentId, doneAt: new Date(`${h.dueOn}T06:00:00Z`) });
  });
  if (thisWeek[0]) ticks.push({ homeworkId: thisWeek[0].id, studentId: pins.studentId, doneAt: new Date(`${pins.week}T06:00:00Z`) });
  for (const h of given) {
    const rate = h.dueOn < pins.week ? 0.8 : 0.25;
    for (const studentId of pupilsOf.get(h.id) ?? []) {
      if (studentId !== pins.studentId && random.chance(rate)) ticks.push({ homeworkId: h.id, studentId, doneAt: new Date(`${h.dueOn}T06:00:00Z`) });
    }
  }
  return ticks;
}
