/** The letters of a UAI's check key: the alphabet without I, O and Q. */
const CHECK_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";

/**
 * A UAI (unité administrative immatriculée, formerly RNE): three digits for the département, four for the
 * establishment, and a check letter, the seven-digit number modulo 23.
 */
export function formatUai(department: number, serial: number): string {
  const digits = String(department).padStart(3, "0") + String(serial).padStart(4, "0");
  return digits + CHECK_LETTERS[Number(digits) % 23];
}

export function isValidUai(uai: string): boolean {
  const match = /^(\d{7})([A-Z])$/.exec(uai);
  return match !== null && CHECK_LETTERS[Number(match[1]) % 23] === match[2];
}
