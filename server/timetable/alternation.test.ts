import { describe, expect, it } from "vitest";
import { alternateFrom, missingLetters, schoolWeekMondays } from "./alternation";

/** A year from Tuesday 1 September 2026 to Saturday 31 October, with the Toussaint holidays from 17 October. */
const YEAR = { startsOn: "2026-09-01", endsOn: "2026-10-31" };
const toussaint = (day: string) => day >= "2026-10-17";
const noHolidays = () => false;

describe("the school weeks of a year", () => {
  it("counts every week with a school day, the rentrée's short week included, and not the weeks wholly on holiday", () => {
    expect(schoolWeekMondays(YEAR, toussaint)).toEqual([
      "2026-08-31",
      "2026-09-07",
      "2026-09-14",
      "2026-09-21",
      "2026-09-28",
      "2026-10-05",
      "2026-10-12",
    ]);
  });

  it("keeps a week with a bank holiday, and leaves out a week whose only day inside the year is a Saturday", () => {
    const armistice = (day: string) => day === "2026-11-11";
    expect(schoolWeekMondays({ startsOn: "2026-11-07", endsOn: "2026-11-13" }, armistice)).toEqual(["2026-11-09"]);
  });
});

describe("the alternation", () => {
  it("lays A on the first school week of a new year, then B, A… skipping the holidays", () => {
    const weeks = missingLetters(schoolWeekMondays({ startsOn: "2026-10-05", endsOn: "2026-11-13" }, (day) => day >= "2026-10-17" && day < "2026-11-02"), new Map());
    expect(weeks).toEqual([
      { monday: "2026-10-05", pattern: "A" },
      { monday: "2026-10-12", pattern: "B" },
      { monday: "2026-11-02", pattern: "A" },
      { monday: "2026-11-09", pattern: "B" },
    ]);
  });

  it("regenerates from a chosen week A to the end, and says nothing of the weeks before", () => {
    expect(alternateFrom(schoolWeekMondays(YEAR, noHolidays), "2026-10-12")).toEqual([
      { monday: "2026-10-12", pattern: "A" },
      { monday: "2026-10-19", pattern: "B" },
      { monday: "2026-10-26", pattern: "A" },
    ]);
  });

  it("gives the weeks a year's new dates add the letters that carry its alternation on, both ways, keeping those set", () => {
    const mondays = ["2026-08-31", "2026-09-07", "2026-09-14", "2026-09-21", "2026-09-28"];
    const given = new Map([
      ["2026-09-14", "B" as const],
      ["2026-09-21", "B" as const],
    ]);
    expect(missingLetters(mondays, given)).toEqual([
      { monday: "2026-08-31", pattern: "B" },
      { monday: "2026-09-07", pattern: "A" },
      { monday: "2026-09-28", pattern: "A" },
    ]);
  });
});
