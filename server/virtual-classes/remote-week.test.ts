import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classes, establishments, people } from "@/drizzle/schema";
import { addDays, schoolInstant } from "@/server/calendar/days";
import type { Database } from "@/server/db/client";
import { createLocalBus, type DomainEvents } from "@/server/events/bus";
import { type NotificationService, startNotifications } from "@/server/notifications/service";
import { DEMO_ACCOUNTS, DEMO_ESTABLISHMENTS } from "@/server/seed/demo-accounts";
import { schoolWeekAfter } from "@/server/seed/demo-week";
import { DEMO_WEEK } from "@/server/seed/timetable-changes";
import { type Caller, callerFor } from "@/server/testing/callers";
import { atServerTime } from "@/server/testing/clock";
import { createTestDatabase } from "@/server/testing/database";
import { type Occurrence, occurrencesBetween } from "@/server/timetable/occurrences";
import { switchWeekRemote } from "./remote-week";
import { virtualClassOfOccurrence } from "./schedule";
import { loadSession } from "./session";

/**
 * Continuité pédagogique on the demo school's 4eB: its week of 23 November has a cancelled lesson, a room changed and
 * a substitute; the next one an exam and a lesson already remote.
 */
const COLLEGE = DEMO_ESTABLISHMENTS.college.uai;
let database: Database;
let college: string;
let class4eB: string;
let claire: string;
let nadia: string;

const weekOf4eB = (monday: string) => occurrencesBetween(database.db, { establishmentId: college, classIds: [class4eB] }, monday, addDays(monday, 6));
const keyOf = (o: { lessonId: string; plannedOn: string }) => `${o.lessonId}/${o.plannedOn}`;
const isPast = (o: Occurrence, now: Date) => schoolInstant(o.on, o.endsAt) <= now;

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  const idOf = async (login: string) => (await database.db.select({ id: people.id }).from(people).where(eq(people.login, login)))[0].id;
  [claire, nadia] = await Promise.all([idOf(DEMO_ACCOUNTS.leadTeacher.login), idOf(DEMO_ACCOUNTS.cpe.login)]);
  [{ id: college }] = await database.db.select({ id: establishments.id }).from(establishments).where(eq(establishments.uai, COLLEGE));
  [{ id: class4eB }] = await database.db
    .select({ id: classes.id })
    .from(classes)
    .where(and(eq(classes.establishmentId, college), eq(classes.name, "4eB")));
});
afterAll(() => database.close());

describe("switching a class's week to remote", () => {
  const tuesdayNoon = schoolInstant(addDays(DEMO_WEEK, 1), "12:00");

  it("makes every lesson of the class still to come remote, with its virtual class; past and cancelled ones stay as they were", async () => {
    const before = await weekOf4eB(DEMO_WEEK);
    const switched = await switchWeekRemote(database.db, college, nadia, class4eB, addDays(DEMO_WEEK, 2), null, tuesdayNoon);
    const after = new Map((await weekOf4eB(DEMO_WEEK)).map((o) => [keyOf(o), o]));

    const expected = before.filter((o) => !o.change?.cancelled && !o.change?.remote && !isPast(o, tuesdayNoon));
    expect(switched.map((s) => keyOf(s.occurrence)).sort()).toEqual(expected.map(keyOf).sort());
    expect(switched.every((s) => s.saved.changes.join() === "remote")).toBe(true);
    expect(before.some((o) => isPast(o, tuesdayNoon))).toBe(true);
    for (const o of before) {
      const now = after.get(keyOf(o))!;
      if (o.change?.cancelled || isPast(o, tuesdayNoon)) expect(now.change).toEqual(o.change);
      else expect(now.change).toMatchObject({ remote: true, cancelled: false, roomChanged: o.change?.roomChanged ?? false, note: o.change?.note ?? null });
    }
    const cancelled = before.find((o) => o.change?.cancelled)!;
    expect(after.get(keyOf(cancelled))?.change).toMatchObject({ cancelled: true, remote: false });
    const substituted = before.find((o) => o.change?.substitute)!;
    expect(after.get(keyOf(substituted))?.change).toMatchObject({ remote: true, substitute: substituted.change!.substitute });

    for (const { occurrence } of switched) {
      const session = await loadSession(database.db, await virtualClassOfOccurrence(database.db, college, occurrence.lessonId, occurrence.plannedOn));
      const lesson = after.get(keyOf(occurrence))!;
      expect(session.withdrawn).toBe(false);
      expect(session.hostIds).toEqual(lesson.change?.substitute ? [lesson.change.substitute.id] : lesson.teachers.map((t) => t.id));
    }
  });

  it("changes nothing when done again", async () => {
    const before = await weekOf4eB(DEMO_WEEK);
    expect(await switchWeekRemote(database.db, college, nadia, class4eB, DEMO_WEEK, null, tuesdayNoon)).toEqual([]);
    expect(await weekOf4eB(DEMO_WEEK)).toEqual(before);
  });

  it("lets a teacher switch only the lessons she teaches, an exam staying an exam", async () => {
    const monday = addDays(DEMO_WEEK, 7);
    const sunday = schoolInstant(addDays(DEMO_WEEK, 6), "12:00");
    const before = await weekOf4eB(monday);
    const switched = await switchWeekRemote(database.db, college, claire, class4eB, monday, claire, sunday);
    const after = new Map((await weekOf4eB(monday)).map((o) => [keyOf(o), o]));

    expect(switched.length).toBeGreaterThan(0);
    for (const o of before) {
      const hers = o.teachers.some((t) => t.id === claire);
      expect(after.get(keyOf(o))!.change?.remote ?? false).toBe(hers || (o.change?.remote ?? false));
    }
    const exam = before.find((o) => o.change?.exam)!;
    expect(exam.teachers.map((t) => t.id)).toContain(claire);
    expect(after.get(keyOf(exam))?.change).toMatchObject({ remote: true, exam: true, note: exam.change!.note });
  });
});

describe("switching a week through the router", () => {
  const bus = createLocalBus();
  const published: DomainEvents["lesson.changed"][] = [];
  bus.subscribe("lesson.changed", (event) => published.push(event));
  let service: NotificationService;
  const as = (key: keyof typeof DEMO_ACCOUNTS) => callerFor(database.db, DEMO_ACCOUNTS[key].login, COLLEGE, bus);
  const remoteNotices = async (api: Caller, week: Occurrence[]) =>
    (await api.notifications.list({ page: 0 })).notifications.filter(
      (n) => n.kind === "lesson" && n.params.change === "remote" && week.some((o) => o.plannedOn === n.params.date),
    );

  beforeAll(() => {
    service = startNotifications(database.db, bus, null, { timer: false });
  });
  afterAll(async () => {
    await service.settled();
    service.stop();
  });

  it("publishes each lesson's change, tells pupils and families it is remote, and does nothing the second time", async () => {
    const monday = schoolWeekAfter(DEMO_WEEK, 3);
    const beforeTheWeek = schoolInstant(monday, "06:00");
    const cpe = await as("cpe");
    const { switched } = await atServerTime(beforeTheWeek, () => cpe.virtualClasses.switchWeek({ classId: class4eB, week: monday }));
    const week = await weekOf4eB(monday);
    expect(switched).toBe(week.filter((o) => !o.change?.cancelled).length);
    expect(published).toHaveLength(switched);
    expect(published.every((e) => e.changes.join() === "remote" && e.establishmentId === college)).toBe(true);
    expect(new Set(published.map((e) => e.changeId)).size).toBe(switched);

    await service.settled();
    expect(await remoteNotices(await as("student"), week)).toHaveLength(switched);
    expect(await remoteNotices(await as("guardian"), week)).toHaveLength(switched);
    expect((await remoteNotices(await as("guardian"), week)).every((n) => n.params.pupil === "Emma")).toBe(true);

    expect(await atServerTime(beforeTheWeek, () => cpe.virtualClasses.switchWeek({ classId: class4eB, week: monday }))).toEqual({ switched: 0 });
    expect(published).toHaveLength(switched);
  });

  it("switches only a teacher's own lessons of the class", async () => {
    const monday = schoolWeekAfter(DEMO_WEEK, 4);
    published.length = 0;
    const { switched } = await atServerTime(schoolInstant(monday, "06:00"), async () => (await as("leadTeacher")).virtualClasses.switchWeek({ classId: class4eB, week: monday }));
    const week = await weekOf4eB(monday);
    expect(switched).toBeGreaterThan(0);
    expect(week.filter((o) => o.change?.remote).map(keyOf).sort()).toEqual(published.map((e) => `${e.lessonId}/${e.onDate}`).sort());
    expect(week.filter((o) => o.change?.remote).every((o) => o.teachers.some((t) => t.id === claire))).toBe(true);
    expect(week.some((o) => !o.teachers.some((t) => t.id === claire))).toBe(true);
  });
});
