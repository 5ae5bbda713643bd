import { describe, expect, it } from "vitest";
import { NAV_GROUPS, NAV_KEYS } from "./nav-links";

describe("the navigation's groups", () => {
  it("hold every service but the home page, each once", () => {
    const grouped = NAV_GROUPS.flatMap((group) => group.keys);
    expect(new Set(grouped).size).toBe(grouped.length);
    expect([...grouped].sort()).toEqual(NAV_KEYS.filter((key) => key !== "home").sort());
  });
});
