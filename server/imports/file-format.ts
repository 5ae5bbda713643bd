import { fileTypeFromBuffer } from "file-type";
import { isXml } from "./xml";

/** What an uploaded roster file is, by its content rather than its name: XML, a spreadsheet workbook, or text (CSV). */
export type FileFormat = "xml" | "spreadsheet" | "text";

/** Workbooks: .xlsx, .ods, and the old .xls (an OLE compound file to its magic number). */
const SPREADSHEETS = new Set(["xlsx", "xls", "cfb", "ods"]);

export async function formatOf(bytes: Uint8Array): Promise<FileFormat> {
  if (isXml(bytes)) return "xml";
  const type = await fileTypeFromBuffer(bytes);
  return type && SPREADSHEETS.has(type.ext) ? "spreadsheet" : "text";
}
