import { describe, expect, it } from "vitest";
import { addDays, daysFrom, isoDate, isoWeekday, mondayOf, schoolInstant, schoolTime } from "./days";

describe("school calendar days", () => {
  it("counts days across months and years", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2027-03-01", -1)).toBe("2027-02-28");
    expect(daysFrom("2026-11-27", "2026-12-01")).toEqual(["2026-11-27", "2026-11-28", "2026-11-29", "2026-11-30", "2026-12-01"]);
  });

  it("names weekdays the ISO way and finds the week's Monday", () => {
    expect(isoWeekday("2026-11-23")).toBe(1);
    expect(isoWeekday("2026-11-29")).toBe(7);
    expect(mondayOf("2026-11-29")).toBe("2026-11-23");
    expect(mondayOf("2026-11-23")).toBe("2026-11-23");
  });

  it("places school times in Paris time, winter and summer", () => {
    expect(schoolInstant("2026-11-23", "08:00").toISOString()).toBe("2026-11-23T07:00:00.000Z");
    expect(schoolInstant("2027-06-14", "08:00:00").toISOString()).toBe("2027-06-14T06:00:00.000Z");
    // the day daylight saving starts (28 March 2027, 02:00 → 03:00)
    expect(schoolInstant("2027-03-28", "10:00").toISOString()).toBe("2027-03-28T08:00:00.000Z");
  });

  it("reads the school time of an instant in Paris, and gives back the instant it came from", () => {
    expect(schoolTime(new Date("2026-11-23T07:05:00Z"))).toBe("08:05");
    expect(schoolTime(new Date("2027-06-14T22:30:00Z"))).toBe("00:30");
    for (const [day, time] of [["2026-11-23", "17:45"], ["2027-03-28", "10:00"]]) expect(schoolTime(schoolInstant(day, time))).toBe(time);
  });

  it("reads the school day of an instant in Paris", () => {
    expect(isoDate(new Date("2026-11-23T23:30:00Z"))).toBe("2026-11-24");
  });
});
