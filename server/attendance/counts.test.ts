import { describe, expect, it } from "vitest";
import { addDays, isoWeekday } from "@/server/calendar/days";
import { type CountedAbsence, countHalfDays, type ExpectedLesson } from "./counts";
import { halfDaySpan } from "./school-day";
import { occurrenceSpan } from "./roll-call-window";

/**
 * The worked examples of COUNTS.md, on a plain collège week: five lessons a day, three in the morning and two in
 * the afternoon, none on Wednesday afternoon nor at the weekend.
 */
const MORNING = [["08:00", "09:00"], ["09:00", "10:00"], ["10:15", "11:15"]] as const;
const AFTERNOON = [["13:30", "14:30"], ["14:30", "15:30"]] as const;

function week(monday: string, holidays: string[] = []): ExpectedLesson[] {
  const lessons: ExpectedLesson[] = [];
  for (let offset = 0; offset < 7; offset++) {
    const day = addDays(monday, offset);
    if (isoWeekday(day) > 5 || holidays.includes(day)) continue;
    const slots = isoWeekday(day) === 3 ? MORNING : [...MORNING, ...AFTERNOON];
    for (const [startsAt, endsAt] of slots) lessons.push({ on: day, startsAt, endsAt, cancelled: false });
  }
  return lessons;
}

const LESSONS = [...week("2026-11-16"), ...week("2026-11-23")];

/** The absence a roll call records for one lesson. */
function atLesson(day: string, startsAt: string, status: CountedAbsence["status"] = "unjustified"): CountedAbsence {
  const lesson = LESSONS.find((l) => l.on === day && l.startsAt === startsAt)!;
  return { kind: "absence", status, ...occurrenceSpan(lesson) };
}

function overHalfDays(from: string, fromHalf: "morning" | "afternoon", to: string, toHalf: "morning" | "afternoon", status: CountedAbsence["status"] = "unjustified"): CountedAbsence {
  return { kind: "absence", status, ...halfDaySpan({ day: from, half: fromHalf }, { day: to, half: toHalf }) };
}

describe("counting half-days missed (demi-journées)", () => {
  it("counts one half-day for an absence from one lesson", () => {
    expect(countHalfDays([atLesson("2026-11-16", "09:00")], LESSONS)).toEqual({
      halfDays: 1,
      justifiedHalfDays: 0,
      unjustifiedHalfDays: 1,
      lates: 0,
    });
  });

  it("counts one half-day for two lessons missed the same morning, two for a morning and an afternoon", () => {
    const sameMorning = [atLesson("2026-11-16", "08:00"), atLesson("2026-11-16", "10:15")];
    expect(countHalfDays(sameMorning, LESSONS).halfDays).toBe(1);
    const wholeDay = [atLesson("2026-11-16", "08:00"), atLesson("2026-11-16", "13:30")];
    expect(countHalfDays(wholeDay, LESSONS).halfDays).toBe(2);
  });

  it("counts the school half-days of a three-day absence, not Wednesday afternoon", () => {
    // Tuesday morning to Thursday evening: Tue ×2, Wed morning, Thu ×2.
    const counts = countHalfDays([overHalfDays("2026-11-17", "morning", "2026-11-19", "afternoon")], LESSONS);
    expect(counts.halfDays).toBe(5);
  });

  it("does not count the weekend, nor a holiday", () => {
    // Friday to Monday: Fri ×2, Mon ×2.
    expect(countHalfDays([overHalfDays("2026-11-20", "morning", "2026-11-23", "afternoon")], LESSONS).halfDays).toBe(4);
    // Tuesday to Thursday around a bank holiday on Wednesday (11 November): Tue ×2, Thu ×2.
    const armistice = week("2026-11-09", ["2026-11-11"]);
    expect(countHalfDays([overHalfDays("2026-11-10", "morning", "2026-11-12", "afternoon")], armistice).halfDays).toBe(4);
  });

  it("counts a half-day as justified only when every absence in it was accepted", () => {
    const mixed = [atLesson("2026-11-16", "08:00", "accepted"), atLesson("2026-11-16", "09:00", "pending")];
    expect(countHalfDays(mixed, LESSONS)).toMatchObject({ halfDays: 1, justifiedHalfDays: 0, unjustifiedHalfDays: 1 });
    const accepted = [overHalfDays("2026-11-16", "afternoon", "2026-11-17", "morning", "accepted"), atLesson("2026-11-18", "08:00", "refused")];
    expect(countHalfDays(accepted, LESSONS)).toMatchObject({ halfDays: 3, justifiedHalfDays: 2, unjustifiedHalfDays: 1 });
  });

  it("does not count a half-day whose only lessons were cancelled, and counts lates apart", () => {
    const cancelledAfternoon = LESSONS.map((l) => (l.on === "2026-11-16" && l.startsAt >= "13:00" ? { ...l, cancelled: true } : l));
    const records: CountedAbsence[] = [
      overHalfDays("2026-11-16", "morning", "2026-11-16", "afternoon"),
      { kind: "late", status: "unjustified", startsAt: new Date("2026-11-17T07:00:00Z"), endsAt: new Date("2026-11-17T07:10:00Z") },
    ];
    expect(countHalfDays(records, cancelledAfternoon)).toEqual({ halfDays: 1, justifiedHalfDays: 0, unjustifiedHalfDays: 1, lates: 1 });
  });
});
