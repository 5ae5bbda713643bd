import { describe, expect, it } from "vitest";
import { formatMark, parseMarkInput } from "./mark-input";

describe("parseMarkInput", () => {
  it("reads marks with a comma or a dot, up to two decimals", () => {
    expect(parseMarkInput("14", 20)).toEqual({ status: "graded", value: 14 });
    expect(parseMarkInput(" 12,5 ", 20)).toEqual({ status: "graded", value: 12.5 });
    expect(parseMarkInput("7.25", 10)).toEqual({ status: "graded", value: 7.25 });
    expect(parseMarkInput("0", 20)).toEqual({ status: "graded", value: 0 });
    expect(parseMarkInput("20", 20)).toEqual({ status: "graded", value: 20 });
  });

  it("reads the codes teachers type for a missing mark", () => {
    expect(parseMarkInput("abs", 20)).toEqual({ status: "absent" });
    expect(parseMarkInput("Abs.", 20)).toEqual({ status: "absent" });
    expect(parseMarkInput("DISP", 20)).toEqual({ status: "exempted" });
    expect(parseMarkInput("dispensé", 20)).toEqual({ status: "exempted" });
    expect(parseMarkInput("nr", 20)).toEqual({ status: "not_handed_in" });
    expect(parseMarkInput("nn", 20)).toEqual({ status: "not_graded" });
  });

  it("treats an empty cell as nothing to save", () => {
    expect(parseMarkInput("   ", 20)).toEqual({ status: "empty" });
  });

  it("refuses marks above the barème, negatives and anything else", () => {
    expect(parseMarkInput("21", 20)).toEqual({ error: "aboveOutOf" });
    expect(parseMarkInput("10.5", 10)).toEqual({ error: "aboveOutOf" });
    expect(parseMarkInput("-1", 20)).toEqual({ error: "invalidMark" });
    expect(parseMarkInput("12,555", 20)).toEqual({ error: "invalidMark" });
    expect(parseMarkInput("douze", 20)).toEqual({ error: "invalidMark" });
    expect(parseMarkInput("1e1", 20)).toEqual({ error: "invalidMark" });
  });
});

describe("formatMark", () => {
  it("writes decimals the way each language does", () => {
    expect(formatMark(14.5, "fr")).toBe("14,5");
    expect(formatMark(14.5, "en")).toBe("14.5");
    expect(formatMark(12, "fr")).toBe("12");
    expect(formatMark(13.333333, "fr")).toBe("13,33");
  });
});
