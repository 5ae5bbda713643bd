import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { lessonChanges, notifications, people } from "@/drizzle/schema";
import type { Database } from "@/server/db/client";
import { createLocalBus, type DomainEvents } from "@/server/events/bus";
import { type NotificationService, startNotifications } from "@/server/notifications/service";
import { DEMO_ACCOUNTS, DEMO_ESTABLISHMENTS, DEMO_GROUP } from "@/server/seed/demo-accounts";
import { callerFor } from "@/server/testing/callers";
import { createTestDatabase } from "@/server/testing/database";
import type { Occurrence } from "./occurrences";
import { upcomingChanges } from "./upcoming-changes";

const occurrence = (fields: Partial<Occurrence> = {}): Occurrence => ({
  lessonId: "L1",
  plannedOn: "2026-11-17",
  on: "2026-11-17",
  startsAt: "10:15",
  endsAt: "11:15",
  subject: { id: "S-maths", code: "MATHS", name: "Mathématiques" },
  audience: { kind: "class", id: "C-4eB", name: "4eB" },
  teachers: [{ id: "T-julien", name: "Julien Garnier" }],
  room: { id: "R-101", name: "Salle 101" },
  change: null,
  ...fields,
});

describe("what a weekly change tells", () => {
  it("tells nothing when the coming days look the same, even through new lessons (an import written again)", () => {
    const before = [occurrence(), occurrence({ plannedOn: "2026-11-24", on: "2026-11-24" })];
    const after = before.map((o) => ({ ...o, lessonId: "L2" }));
    expect(upcomingChanges(before, after)).toEqual([]);
  });

  it("tells a lesson changed on each day it looks different", () => {
    const before = [occurrence(), occurrence({ plannedOn: "2026-11-24", on: "2026-11-24" })];
    const after = [before[0], { ...before[1], room: { id: "R-204", name: "Salle 204" } }];
    expect(upcomingChanges(before, after)).toEqual([{ lessonId: "L1", onDate: "2026-11-24", changes: ["room"] }]);
  });

  it("tells a lesson moved to another day once per week, on the earlier day", () => {
    const before = [occurrence()];
    const after = [occurrence({ plannedOn: "2026-11-19", on: "2026-11-19" })];
    expect(upcomingChanges(before, after)).toEqual([{ lessonId: "L1", onDate: "2026-11-17", changes: ["moved"] }]);
  });

  it("pairs a replaced lesson with the new one of the same subject for the same class, and tells the new one", () => {
    const before = [occurrence()];
    const after = [occurrence({ lessonId: "L2", startsAt: "14:30", endsAt: "15:30" })];
    expect(upcomingChanges(before, after)).toEqual([{ lessonId: "L2", onDate: "2026-11-17", changes: ["moved"] }]);
  });

  it("tells a lesson gone without replacement as cancelled, with what it was", () => {
    const group = occurrence({ audience: { kind: "group", id: "G-latin", name: "4e Latin" } });
    expect(upcomingChanges([group], [])).toEqual([
      { lessonId: "L1", onDate: "2026-11-17", changes: ["cancelled"], was: { subjectId: "S-maths", classId: null, groupId: "G-latin" } },
    ]);
  });
});

/**
 * Through the router on the demo school, on Monday 16 November 2026 at 08:00: the coming two weeks end on Sunday 29.
 * The notification service listens to the same bus, so that what families get is checked too.
 */
const COLLEGE = DEMO_ESTABLISHMENTS.college.uai;
const WEEKDAYS = ["", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];
let database: Database;
let service: NotificationService;
let class4eB: string;
const told: DomainEvents["lesson.changed"][] = [];
const bus = createLocalBus();
bus.subscribe("lesson.changed", (event) => told.push(event));

const director = () => callerFor(database.db, DEMO_ACCOUNTS.direction.login, COLLEGE, bus);
const idOf = async (login: string) => (await database.db.select({ id: people.id }).from(people).where(eq(people.login, login)))[0].id;
/** The lesson notifications a person got about one lesson. */
async function toldAbout(login: string, lessonId: string) {
  await service.settled();
  const rows = await database.db
    .select({ source: notifications.source, params: notifications.params })
    .from(notifications)
    .where(and(eq(notifications.personId, await idOf(login)), eq(notifications.kind, "lesson")));
  return rows.filter((row) => row.source.startsWith(`${lessonId}/`));
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-11-16T07:00:00Z") });
  database = await createTestDatabase({ demo: true });
  service = startNotifications(database.db, bus, null, { timer: false });
  class4eB = (await (await director()).timetable.references()).classes.find((c) => c.name === "4eB")!.id;
});
afterAll(async () => {
  service.stop();
  vi.useRealTimers();
  await database.close();
});

describe("a weekly lesson edited or removed", () => {
  it("tells the class's pupils and families of its new day in each of the next two weeks, then of its end", async () => {
    const api = await director();
    const lessons = await api.timetable.lessons({ classId: class4eB });
    // one the demo planned no one-day change for: one left on its old day would refuse the edit
    const changed = new Set((await database.db.select({ id: lessonChanges.lessonId }).from(lessonChanges)).map((c) => c.id));
    const french = lessons.find((l) => l.subjectCode === "FRANC" && l.weeks === "every" && l.weekday !== 3 && !changed.has(l.id))!;
    const draft = {
      subjectId: french.subjectId,
      teacherIds: french.teachers.map((t) => t.id),
      classId: class4eB,
      groupId: null,
      roomId: french.roomId,
      weeks: "every" as const,
      validFrom: french.validFrom,
      validUntil: french.validUntil,
    };
    const days = [0, 7].map((offset) => new Date(Date.UTC(2026, 10, 16 + offset + french.weekday - 1)).toISOString().slice(0, 10));

    told.length = 0;
    // Wednesday afternoon is free in a collège; the lesson began in September, so a new one takes over from today
    const edited = await api.timetable.updateLesson({ lessonId: french.id, ...draft, weekday: 3, startsAt: "14:30", endsAt: "15:30" });
    const earlier = (day: string, wednesday: string) => (day < wednesday ? day : wednesday);
    expect(told).toEqual([
      { establishmentId: expect.any(String), lessonId: edited.id, onDate: earlier(days[0], "2026-11-18"), changeId: expect.any(String), changes: ["moved"] },
      { establishmentId: expect.any(String), lessonId: edited.id, onDate: earlier(days[1], "2026-11-25"), changeId: expect.any(String), changes: ["moved"] },
    ]);
    const emma = await toldAbout(DEMO_ACCOUNTS.student.login, edited.id);
    expect(emma.map((n) => n.params)).toContainEqual({ pupil: "Emma", subject: "Français", date: told[0].onDate, change: "moved" });
    expect(await toldAbout(DEMO_ACCOUNTS.guardian.login, edited.id)).toHaveLength(2);
    expect(await toldAbout(DEMO_ACCOUNTS.otherGuardian.login, edited.id)).toHaveLength(2);

    told.length = 0;
    // it has not taken place yet: it goes altogether
    expect(await api.timetable.deleteLesson({ lessonId: edited.id })).toEqual({ outcome: "deleted" });
    expect(told.map((event) => [event.onDate, event.changes])).toEqual([
      ["2026-11-18", ["cancelled"]],
      ["2026-11-25", ["cancelled"]],
    ]);
    expect((await toldAbout(DEMO_ACCOUNTS.guardian.login, edited.id)).filter((n) => n.params.change === "cancelled")).toHaveLength(2);
  });

  it("tells a lesson added in the coming days, and its cancellation once deleted, though it is gone", async () => {
    const api = await director();
    const refs = await api.timetable.references();
    const music = refs.subjects.find((s) => s.code === "EDMUS")!;
    told.length = 0;
    const lesson = await api.timetable.createLesson({
      subjectId: music.id,
      teacherIds: [],
      classId: class4eB,
      groupId: null,
      roomId: null,
      weekday: 6,
      startsAt: "09:00",
      endsAt: "10:00",
      weeks: "every",
      validFrom: "2026-11-21",
      validUntil: "2027-07-03",
    });
    expect(told.map((event) => [event.lessonId, event.onDate, event.changes])).toEqual([
      [lesson.id, "2026-11-21", ["other"]],
      [lesson.id, "2026-11-28", ["other"]],
    ]);

    told.length = 0;
    expect(await api.timetable.deleteLesson({ lessonId: lesson.id })).toEqual({ outcome: "deleted" });
    expect(told.every((event) => event.changes[0] === "cancelled" && event.was?.classId === class4eB && event.was.subjectId === music.id)).toBe(true);
    const hugo = await toldAbout(DEMO_ACCOUNTS.classmate.login, lesson.id);
    expect(hugo.filter((n) => n.params.change === "cancelled").map((n) => n.params.date).sort()).toEqual(["2026-11-21", "2026-11-28"]);
  });
});

describe("a timetable import that replaces a group's lessons", () => {
  it("tells nobody when it writes the group's week again as it was, and only what one changed line changes", async () => {
    const api = await director();
    const refs = await api.timetable.references();
    const latin = refs.groups.find((g) => g.name === DEMO_GROUP.name)!;
    const lessons = await api.timetable.lessons({ groupId: latin.id });
    expect(lessons.length).toBeGreaterThan(0);
    const line = (lesson: (typeof lessons)[number], room: string | null) =>
      [
        WEEKDAYS[lesson.weekday],
        lesson.startsAt,
        lesson.endsAt,
        lesson.subjectCode,
        lesson.teachers.map((t) => t.name).join(" / "),
        latin.name,
        room ?? "",
        lesson.weeks === "every" ? "" : lesson.weeks,
        "23/11/2026",
      ].join(";");
    const file = (rooms: (string | null)[]) =>
      ["jour;debut;fin;matiere;enseignants;groupe;salle;semaine;du", ...lessons.map((lesson, i) => line(lesson, rooms[i]))].join("\n");
    const rooms = lessons.map((lesson) => lesson.roomName);

    told.length = 0;
    expect(await api.timetable.applyImport({ csv: file(rooms), replace: true })).toMatchObject({ created: lessons.length, ended: lessons.length });
    expect(told).toEqual([]);

    await api.timetable.applyImport({ csv: file(["Salle neuve", ...rooms.slice(1)]), replace: true });
    const moved = (await api.timetable.lessons({ groupId: latin.id })).find((l) => l.roomName === "Salle neuve")!;
    expect(told.length).toBeGreaterThan(0);
    expect(told.every((event) => event.lessonId === moved.id && event.changes.join() === "room" && event.onDate >= "2026-11-23" && event.onDate <= "2026-11-29")).toBe(true);
    expect((await toldAbout(DEMO_ACCOUNTS.student.login, moved.id)).map((n) => n.params.change)).toEqual(told.map(() => "room"));
  });
});
