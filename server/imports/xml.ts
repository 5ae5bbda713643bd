import { XMLParser, XMLValidator } from "fast-xml-parser";
import { MAX_XML_BYTES } from "./limits";
import type { Message } from "./messages";

/**
 * Reading an XML export (SIECLE's): its encoding is the one its declaration names (SIECLE writes ISO-8859-15; UTF-8
 * when none is named), a malformed file is refused with the line and column where it breaks, and the document comes
 * back as plain objects whose values all stay text (identifiers such as "05386252387" keep their leading zeros).
 */

export type XmlReading = { ok: true; root: string; document: Record<string, unknown>; encoding: string } | { ok: false; error: Message };

/** The encodings an XML declaration may name, as TextDecoder labels (ISO-8859-1 decodes as its superset Windows-1252). */
const ENCODINGS: Record<string, string> = {
  "utf-8": "utf-8",
  utf8: "utf-8",
  "iso-8859-15": "iso-8859-15",
  "latin-9": "iso-8859-15",
  "iso-8859-1": "windows-1252",
  "latin-1": "windows-1252",
  "windows-1252": "windows-1252",
  cp1252: "windows-1252",
};

const fileError = (key: string, values?: Message["values"]): XmlReading => ({ ok: false, error: { key: `imports.errors.${key}`, values } });

/** Whether a file is XML: after a byte order mark and blanks, it opens with a tag. */
export function isXml(bytes: Uint8Array): boolean {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : bytes[0] === 0xff || bytes[0] === 0xfe ? 2 : 0;
  for (const byte of bytes.subarray(bom, 1024)) {
    if (byte === 0x3c) return true;
    if (!(byte === 0 && bom === 2) && ![0x20, 0x09, 0x0a, 0x0d].includes(byte)) return false;
  }
  return false;
}

/** The file's text in the encoding its declaration names, or the encoding it is in when Préau does not read it (UTF-16) or it is not the one named. */
function decode(bytes: Uint8Array): { text: string; encoding: string } | { unknown: string } {
  if (bytes[0] === 0xff || bytes[0] === 0xfe || bytes.includes(0)) return { unknown: "UTF-16" };
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/.exec(new TextDecoder("latin1").decode(bytes.subarray(0, 200)))?.[1] ?? "UTF-8";
  const label = ENCODINGS[declared.toLowerCase()];
  if (!label) return { unknown: declared };
  try {
    return { text: new TextDecoder(label, { fatal: true }).decode(bytes), encoding: declared.toUpperCase() };
  } catch {
    return { unknown: declared };
  }
}

/**
 * Reads an XML file whole. `arrays` names the elements that may repeat, so that one alone still comes as a list;
 * `skipped` those whose content is not needed, kept as raw text rather than parsed.
 */
export function readXml(bytes: Uint8Array, arrays: readonly string[], skipped: readonly string[]): XmlReading {
  if (bytes.length > MAX_XML_BYTES) return fileError("tooLarge", { max: MAX_XML_BYTES / 1024 / 1024 });
  const decoded = decode(bytes);
  if ("unknown" in decoded) return fileError("xmlEncoding", { encoding: decoded.unknown });
  const text = decoded.text.replace(/^\uFEFF/, "");
  const valid = XMLValidator.validate(text);
  if (valid !== true) return fileError("xmlMalformed", { line: valid.err.line, column: valid.err.col });
  const repeated = new Set(arrays);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    ignoreDeclaration: true,
    ignorePiTags: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    // parts of the export the import does not read (addresses, last year's school, options) are kept as raw text
    stopNodes: skipped.map((name) => `*.${name}`),
    isArray: (name) => repeated.has(name),
  });
  const document = parser.parse(text) as Record<string, unknown>;
  const root = Object.keys(document).find((name) => !name.startsWith("?") && !name.startsWith("#")) ?? "";
  return { ok: true, root, document: (document[root] ?? {}) as Record<string, unknown>, encoding: decoded.encoding };
}
