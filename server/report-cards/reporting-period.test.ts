import { describe, expect, it } from "vitest";
import { reportingPeriod } from "./reporting-period";

const TRIMESTERS = [
  { id: "t1", startsOn: "2026-09-01", endsOn: "2026-11-30" },
  { id: "t2", startsOn: "2026-12-01", endsOn: "2027-03-07" },
  { id: "t3", startsOn: "2027-03-08", endsOn: "2027-07-03" },
];
const on = (day: string) => reportingPeriod(TRIMESTERS, day)?.id;

describe("the period bulletins open on", () => {
  it("is the running period while it runs, until the previous one's conseils are over", () => {
    expect(on("2026-10-15")).toBe("t1");
    expect(on("2026-11-30")).toBe("t1");
    expect(on("2026-12-07")).toBe("t1");
    expect(on("2027-01-11")).toBe("t1");
    expect(on("2027-01-12")).toBe("t2");
    expect(on("2027-03-10")).toBe("t2");
    expect(on("2027-04-25")).toBe("t3");
  });

  it("is the last period after the school year, and the first one before it", () => {
    expect(on("2027-07-20")).toBe("t3");
    expect(on("2027-12-01")).toBe("t3");
    expect(on("2026-08-25")).toBe("t1");
    expect(reportingPeriod([], "2026-10-01")).toBeNull();
  });
});
