/**
 * An ASCII file name for a download, from words in any language: "notes-4eB-Francais.csv",
 * "bulletin-4eB-BERNARD-Emma-trimestre-1.pdf". Accents are dropped and anything else becomes a dash, so the name
 * survives every browser, mail client and file system, and needs no escaping in Content-Disposition.
 */
export function asciiFileName(prefix: string, parts: (string | null | undefined)[], extension: string): string {
  const slug = parts
    .filter(Boolean)
    .join("-")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `${prefix}-${slug || "export"}.${extension}`;
}
