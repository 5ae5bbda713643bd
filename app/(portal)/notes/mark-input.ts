/** What a teacher types in a cell of the marking grid, read as a mark or as the reason there is none. */
export type ParsedMark =
  | { status: "graded"; value: number }
  | { status: "absent" | "exempted" | "not_handed_in" | "not_graded" }
  | { status: "empty" }
  | { error: "invalidMark" | "aboveOutOf" };

const CODES: Record<string, "absent" | "exempted" | "not_handed_in" | "not_graded"> = {
  a: "absent",
  abs: "absent",
  absent: "absent",
  d: "exempted",
  disp: "exempted",
  dispense: "exempted",
  nr: "not_handed_in",
  nn: "not_graded",
};

export function parseMarkInput(text: string, outOf: number): ParsedMark {
  const typed = text.trim().toLowerCase().normalize("NFD").replace(/[\u0300-\u036f.]/g, (c) => (c === "." ? "." : ""));
  if (typed === "") return { status: "empty" };
  const code = CODES[typed.replace(/\.$/, "")];
  if (code) return { status: code };
  if (!/^\d+([.,]\d{1,2})?$/.test(typed)) return { error: "invalidMark" };
  const value = Number(typed.replace(",", "."));
  if (value > outOf) return { error: "aboveOutOf" };
  return { status: "graded", value };
}

/** How a mark shows in the grid and in reports: "14,5" in French, "14.5" in English. */
export function formatMark(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}
