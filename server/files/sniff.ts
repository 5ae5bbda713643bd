import { fileTypeFromBuffer } from "file-type";

/** The families of files a service may accept; each service picks the ones it needs. */
export const CONTENT_TYPES = {
  image: ["image/png", "image/jpeg", "image/gif", "image/webp"],
  pdf: ["application/pdf"],
  office: [
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
    "application/vnd.oasis.opendocument.presentation",
    "application/msword",
    "application/vnd.ms-excel",
    "application/vnd.ms-powerpoint",
  ],
  text: ["text/plain"],
  media: ["audio/mpeg", "audio/ogg", "audio/mp4", "audio/x-m4a", "video/mp4", "video/webm", "audio/webm"],
  archive: ["application/zip"],
} as const;

/** What pupils and teachers exchange at school: pictures, PDFs, office documents, plain text, sound and video. */
export const SCHOOL_WORK_TYPES: readonly string[] = [
  ...CONTENT_TYPES.image,
  ...CONTENT_TYPES.pdf,
  ...CONTENT_TYPES.office,
  ...CONTENT_TYPES.text,
  ...CONTENT_TYPES.media,
  ...CONTENT_TYPES.archive,
];

/** Old Office files are all "application/x-cfb" to their magic number; their extension then tells which one. */
const COMPOUND_DOCUMENT_TYPES: Record<string, string> = {
  doc: "application/msword",
  xls: "application/vnd.ms-excel",
  ppt: "application/vnd.ms-powerpoint",
};

const TEXT_DECODER = new TextDecoder("utf-8", { fatal: true });
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/;

function isPlainText(bytes: Uint8Array): boolean {
  try {
    return !CONTROL_CHARACTERS.test(TEXT_DECODER.decode(bytes.subarray(0, 64 * 1024)));
  } catch {
    return false;
  }
}

/**
 * A file's type read from its bytes (magic numbers), never from its name or from what the browser said; the name's
 * extension only tells apart the old Office formats, which share one container. Text is UTF-8 without control
 * characters. Null when it is nothing Préau recognises.
 */
export async function sniffContentType(bytes: Uint8Array, name = ""): Promise<string | null> {
  const found = await fileTypeFromBuffer(bytes);
  if (found?.mime === "application/x-cfb") {
    return COMPOUND_DOCUMENT_TYPES[name.split(".").pop()?.toLowerCase() ?? ""] ?? null;
  }
  if (found) return found.mime;
  return bytes.length > 0 && isPlainText(bytes) ? "text/plain" : null;
}
