import { describe, expect, it } from "vitest";
import { demoWeek, EARLIEST_DEMO_WEEK, schoolWeekAfter } from "./demo-week";

describe("the demo's week", () => {
  it("is the week of the day, on any day of a school week or its weekend", () => {
    expect(demoWeek("2026-12-07")).toBe("2026-12-07");
    expect(demoWeek("2026-12-10")).toBe("2026-12-07");
    expect(demoWeek("2026-12-13")).toBe("2026-12-07");
    expect(demoWeek("2027-03-17")).toBe("2027-03-15");
  });

  it("is never before the first trimester's marks are published, nor after the school year", () => {
    expect(demoWeek("2026-09-14")).toBe(EARLIEST_DEMO_WEEK);
    expect(demoWeek("2026-11-25")).toBe(EARLIEST_DEMO_WEEK);
    expect(demoWeek("2027-08-20")).toBe("2027-06-28");
  });

  it("during holidays and the first two weeks back, is the last week with two weeks of school before it", () => {
    // Noël: from 19 December 2026 to 4 January 2027
    expect(demoWeek("2026-12-23")).toBe("2026-12-14");
    expect(demoWeek("2027-01-05")).toBe("2026-12-14");
    expect(demoWeek("2027-01-12")).toBe("2026-12-14");
    expect(demoWeek("2027-01-18")).toBe("2027-01-18");
  });
});

describe("the school weeks after a week", () => {
  it("skip the weeks on holiday", () => {
    expect(schoolWeekAfter("2026-11-23", 1)).toBe("2026-11-30");
    expect(schoolWeekAfter("2026-12-07", 1)).toBe("2026-12-14");
    expect(schoolWeekAfter("2026-12-07", 2)).toBe("2027-01-04");
    expect(schoolWeekAfter("2026-12-14", 1)).toBe("2027-01-04");
  });
});
