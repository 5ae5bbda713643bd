import { describe, expect, it } from "vitest";
import { capitalised, dayFromToday, formatDay } from "./days";

describe("days as the cahier de textes names them", () => {
  it("names a day in French and English, whatever the time zone", () => {
    expect(formatDay("2026-11-26", "fr")).toBe("jeudi 26 novembre");
    expect(formatDay("2026-11-26", "fr", true)).toBe("jeudi 26 novembre 2026");
    expect(formatDay("2026-11-26", "en")).toBe("Thursday, November 26");
  });

  it("writes the first of the month as an ordinal in French only", () => {
    expect(formatDay("2026-12-01", "fr")).toBe("mardi 1er décembre");
    expect(formatDay("2026-12-11", "fr")).toBe("vendredi 11 décembre");
    expect(formatDay("2026-12-01", "en")).toBe("Tuesday, December 1");
  });

  it("starts a heading with a capital and tells today and tomorrow", () => {
    expect(capitalised(formatDay("2026-11-23", "fr"), "fr")).toBe("Lundi 23 novembre");
    expect(dayFromToday("2026-11-23", "2026-11-23")).toBe("today");
    expect(dayFromToday("2026-11-24", "2026-11-23")).toBe("tomorrow");
    expect(dayFromToday("2026-11-30", "2026-11-23")).toBe("other");
  });
});
