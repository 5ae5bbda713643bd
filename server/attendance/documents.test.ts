import { describe, expect, it } from "vitest";
import { checkDocument, displayName, MAX_DOCUMENT_BYTES, sniffDocumentType } from "./documents";

const bytes = (...values: number[]) => Uint8Array.from(values);
const PDF = new TextEncoder().encode("%PDF-1.7\n%âãÏÓ\n1 0 obj\n");
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46);

describe("a justification's document", () => {
  it("is recognised by its first bytes", () => {
    expect(sniffDocumentType(PDF)).toBe("application/pdf");
    expect(sniffDocumentType(PNG)).toBe("image/png");
    expect(sniffDocumentType(JPEG)).toBe("image/jpeg");
  });

  it("is refused when its content is not a PDF, JPEG or PNG, whatever its name says", () => {
    expect(sniffDocumentType(new TextEncoder().encode("MZ\x90\x00 executable"))).toBeNull();
    expect(sniffDocumentType(new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
    expect(sniffDocumentType(bytes(0x25, 0x50, 0x44))).toBeNull();
    expect(() => checkDocument(new TextEncoder().encode("<html><script>alert(1)</script>"))).toThrow("attendance.errors.documentType");
  });

  it("is refused when empty or above 5 MB", () => {
    expect(() => checkDocument(bytes())).toThrow("attendance.errors.documentEmpty");
    const large = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
    large.set(PDF);
    expect(() => checkDocument(large)).toThrow("attendance.errors.documentTooLarge");
    expect(checkDocument(large.subarray(0, MAX_DOCUMENT_BYTES))).toBe("application/pdf");
  });

  it("keeps only a clean display name", () => {
    expect(displayName("C:\\Users\\sophie\\certificat médical.pdf")).toBe("certificat médical.pdf");
    expect(displayName("../../etc/passwd\u0000\n")).toBe("passwd");
    expect(displayName("   ")).toBe("document");
  });
});
