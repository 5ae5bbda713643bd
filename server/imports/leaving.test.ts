import { describe, expect, it } from "vitest";
import { hasLeft } from "./leaving";

describe("a pupil's leaving date", () => {
  const today = new Date(2026, 9, 15);

  it("in the past or today means they have left", () => {
    expect(hasLeft("02/09/2026", today)).toBe(true);
    expect(hasLeft("15/10/2026", today)).toBe(true);
    expect(hasLeft("2026-10-01", today)).toBe(true);
  });

  it("still to come, or none, means they are still here", () => {
    expect(hasLeft("16/10/2026", today)).toBe(false);
    expect(hasLeft("", today)).toBe(false);
  });

  it("that cannot be read still says they left", () => {
    expect(hasLeft("fin d'année", today)).toBe(true);
  });
});
