/** The characters of WinAnsiEncoding outside Latin-1: what PDF's built-in Helvetica can write besides ISO-8859-1. */
const WIN_ANSI_EXTRAS = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

const representable = (char: string) => {
  const code = char.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(char) || char === "\n";
};

/**
 * Text that Helvetica can draw: French needs nothing more than WinAnsi (é, à, ç, œ, «», ’, …), but an appréciation or a
 * name may hold other letters (Wałęsa, Dvořák): they lose their accent rather than print as garbage, typographic
 * spaces become no-break spaces, and anything else a question mark.
 */
export function toWinAnsi(text: string): string {
  let out = "";
  for (const char of text.normalize("NFC")) {
    if (representable(char)) out += char;
    else if (/[\u2000-\u200a\u202f\u205f]/.test(char)) out += "\u00a0";
    else if (char === "\t" || char === "\r") out += " ";
    else {
      const bare = char.normalize("NFD").replace(/\p{M}/gu, "");
      out += [...bare].every(representable) && bare !== "" ? bare : SPECIAL[char] ?? "?";
    }
  }
  return out;
}

/** Letters with no decomposition into a base letter and an accent. */
const SPECIAL: Record<string, string> = { ł: "l", Ł: "L", đ: "d", Đ: "D", ı: "i", ħ: "h" };
