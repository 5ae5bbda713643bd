import { DomainError } from "@/server/domain-error";

export { displayName } from "@/server/files/names";

/** The largest document a family may attach to a justification (a scan, a photo of a certificate). */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

/** What a justification's document may be, recognised by its first bytes (magic numbers), never by its name. */
const SIGNATURES = [
  { type: "application/pdf", extension: "pdf", magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: "image/jpeg", extension: "jpg", magic: [0xff, 0xd8, 0xff] },
  { type: "image/png", extension: "png", magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
] as const;

export type DocumentType = (typeof SIGNATURES)[number]["type"];

/** The type of a document from its content, or null when it is none of those accepted. */
export function sniffDocumentType(bytes: Uint8Array): DocumentType | null {
  const found = SIGNATURES.find(({ magic }) => magic.every((byte, index) => bytes[index] === byte));
  return found?.type ?? null;
}

export function extensionOf(type: string): string {
  return SIGNATURES.find((s) => s.type === type)?.extension ?? "bin";
}

/** Checks an uploaded document: its size, and its type from its bytes. Returns the type to store. */
export function checkDocument(bytes: Uint8Array): DocumentType {
  if (bytes.length === 0) throw new DomainError("attendance.errors.documentEmpty");
  if (bytes.length > MAX_DOCUMENT_BYTES) throw new DomainError("attendance.errors.documentTooLarge");
  const type = sniffDocumentType(bytes);
  if (!type) throw new DomainError("attendance.errors.documentType");
  return type;
}
