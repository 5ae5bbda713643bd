import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calendarFeeds, guardianships, people } from "@/drizzle/schema";
import type { Database } from "@/server/db/client";
import { addDays, schoolInstant } from "@/server/calendar/days";
import { DEMO_ACCOUNTS, DEMO_ESTABLISHMENTS } from "@/server/seed/demo-accounts";
import { HOLIDAYS } from "@/server/seed/school-calendar";
import { DEMO_WEEK } from "@/server/seed/timetable-changes";
import { callerFor } from "@/server/testing/callers";
import { createTestDatabase } from "@/server/testing/database";
import { tokenHash } from "./feed";
import { feedCalendar } from "./ics";

/** The calendar feed: a secret URL per person, revoked when regenerated, holding only what the app would show. */
const NOW = schoolInstant(DEMO_WEEK, "11:00");
/** 2026-11-24 as iCalendar writes days: 20261124 */
const icsDay = (day: string) => day.replaceAll("-", "");
let database: Database;

const as = (key: keyof typeof DEMO_ACCOUNTS) => callerFor(database.db, DEMO_ACCOUNTS[key].login, DEMO_ESTABLISHMENTS.college.uai);
const tokenOf = (url: string) => /\/api\/calendrier\/([\w-]+)\.ics$/.exec(url)![1];
/** The calendar's entries, unfolded (RFC 5545 folds lines at 75 octets). */
const entries = (ics: string) =>
  ics
    .replace(/\r\n /g, "")
    .split("BEGIN:VEVENT")
    .slice(1);

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
});
afterAll(() => database.close());

describe("events narrowed to profiles in a feed", () => {
  const feedOf = async (key: keyof typeof DEMO_ACCOUNTS) => {
    const { url } = await (await as(key)).timetable.regenerateFeed();
    return entries((await feedCalendar(database.db, tokenOf(url), NOW))!);
  };
  const summaries = (events: string[], title: string) => events.filter((e) => e.includes(title)).map((e) => /SUMMARY:([^\r]*)/.exec(e)![1]);

  it("holds the teachers' meeting for teachers, once, and the parents' evening for families and teachers, not pupils", async () => {
    const [claire, julien, sophie, emma] = await Promise.all([feedOf("leadTeacher"), feedOf("teacherParent"), feedOf("guardian"), feedOf("student")]);
    expect(summaries(claire, "Réunion des professeurs")).toEqual(["Réunion des professeurs"]);
    expect(summaries(claire, "Réunion parents-professeurs des 4e")).toEqual(["Réunion parents-professeurs des 4e"]);
    // a teacher who is a parent: in his own calendar, never again through his child's
    expect(summaries(julien, "Réunion des professeurs")).toEqual(["Réunion des professeurs"]);
    expect(summaries(sophie, "Réunion des professeurs")).toEqual([]);
    expect(summaries(sophie, "Réunion parents-professeurs des 4e")).toEqual(["Emma · Réunion parents-professeurs des 4e"]);
    expect(summaries(emma, "Réunion")).toEqual([]);
  });
});

describe("a guardian's calendar feed", () => {
  it("holds each child's lessons named by first name, in Paris time, cancelled ones as cancelled", async () => {
    const { url } = await (await as("guardian")).timetable.regenerateFeed();
    expect(url).toMatch(/^http:\/\/localhost:\d+\/api\/calendrier\/[\w-]{43}\.ics$/);
    const ics = (await feedCalendar(database.db, tokenOf(url), NOW))!;
    expect(ics).toMatch(/^BEGIN:VCALENDAR/);
    expect(ics).toContain("BEGIN:VTIMEZONE\r\nTZID:Europe/Paris");
    const events = entries(ics);
    expect(events.some((e) => e.includes("SUMMARY:Emma · "))).toBe(true);
    expect(events.some((e) => e.includes("SUMMARY:Lucas · "))).toBe(true);
    const cancelled = events.find((e) => e.includes("STATUS:CANCELLED"))!;
    expect(cancelled).toContain("SUMMARY:Emma · Annulé\u00a0: Mathématiques");
    expect(cancelled).toContain(`DTSTART;TZID=Europe/Paris:${icsDay(addDays(DEMO_WEEK, 1))}T`);
    expect(cancelled).toContain("Professeur absent");
    // two weeks back, eight weeks ahead
    const starts = events.map((e) => /DTSTART[^:]*:(\d{8})/.exec(e)![1]).sort();
    expect(starts[0] >= icsDay(addDays(DEMO_WEEK, -14))).toBe(true);
    expect(starts.at(-1)! <= icsDay(addDays(DEMO_WEEK, 62))).toBe(true);
    // a classmate's detention is not the family's business; the holidays are, once each
    expect(events.some((e) => e.includes("Retenue"))).toBe(false);
    const holidays = HOLIDAYS.filter((h) => h.from >= addDays(DEMO_WEEK, -14) && h.from <= addDays(DEMO_WEEK, 56));
    for (const holiday of holidays) {
      expect(events.filter((e) => e.includes(`DTSTART;VALUE=DATE:${icsDay(holiday.from)}`))).toHaveLength(1);
    }
  });

  it("shows another family's detention to that family only", async () => {
    const { url } = await (await as("otherGuardian")).timetable.regenerateFeed();
    const events = entries((await feedCalendar(database.db, tokenOf(url), NOW))!);
    expect(events.some((e) => e.includes("SUMMARY:Hugo · Retenue"))).toBe(true);
    expect(events.some((e) => e.includes("Emma"))).toBe(false);
  });

  it("stops showing a child the guardian is no longer linked to", async () => {
    const { url } = await (await as("teacherParent")).timetable.regenerateFeed();
    const before = entries((await feedCalendar(database.db, tokenOf(url), NOW))!);
    const [julien] = await database.db.select({ id: people.id }).from(people).where(eq(people.login, DEMO_ACCOUNTS.teacherParent.login));
    const childLessons = before.filter((e) => /SUMMARY:\p{L}+ · /u.test(e));
    expect(childLessons.length).toBeGreaterThan(0);
    await database.db.delete(guardianships).where(eq(guardianships.guardianId, julien.id));
    const after = entries((await feedCalendar(database.db, tokenOf(url), NOW))!);
    expect(after.filter((e) => /SUMMARY:\p{L}+ · /u.test(e))).toEqual([]);
    expect(after.length).toBeGreaterThan(0); // his own lessons as a teacher stay
  });
});

describe("the feed's secret", () => {
  it("keeps only a hash, and regenerating revokes the previous URL", async () => {
    const pupil = await as("student");
    const first = tokenOf((await pupil.timetable.regenerateFeed()).url);
    const [row] = await database.db.select().from(calendarFeeds).where(eq(calendarFeeds.tokenHash, tokenHash(first)));
    expect(row.tokenHash).not.toContain(first);
    expect(await feedCalendar(database.db, first, NOW)).toContain("BEGIN:VCALENDAR");
    expect((await pupil.timetable.feed())?.lastFetchedAt).toBeInstanceOf(Date);

    const second = tokenOf((await pupil.timetable.regenerateFeed()).url);
    expect(await feedCalendar(database.db, first, NOW)).toBeNull();
    expect(await feedCalendar(database.db, second, NOW)).toContain("BEGIN:VCALENDAR");

    await pupil.timetable.revokeFeed();
    expect(await feedCalendar(database.db, second, NOW)).toBeNull();
    expect(await pupil.timetable.feed()).toBeNull();
    expect(await feedCalendar(database.db, "not-a-token", NOW)).toBeNull();
  });
});
