import { describe, expect, it } from "vitest";
import { SCHOOL_WORK_TYPES, sniffContentType } from "./sniff";

const bytes = (...values: number[]) => Uint8Array.from(values);
const text = (value: string) => new TextEncoder().encode(value);

describe("a file's type", () => {
  it("is read from its first bytes", async () => {
    expect(await sniffContentType(text("%PDF-1.7\n1 0 obj\n"))).toBe("application/pdf");
    expect(await sniffContentType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52))).toBe("image/png");
    expect(await sniffContentType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1))).toBe("image/jpeg");
  });

  it("is plain text only for UTF-8 without control characters", async () => {
    expect(await sniffContentType(text("Exposé sur la Révolution\n\tplan : 1, 2, 3\r\n"))).toBe("text/plain");
    expect(await sniffContentType(bytes(0xe9, 0x74, 0xe9))).toBeNull();
    expect(await sniffContentType(text("abc\u0000def"))).toBeNull();
  });

  it("tells an executable for what it is, whatever its name, and knows nothing of an empty file", async () => {
    const executable = await sniffContentType(bytes(0x4d, 0x5a, 0x90, 0x00, 0x03, 0, 0, 0, 0x04), "devoir.pdf");
    expect(executable).not.toBe("application/pdf");
    expect(SCHOOL_WORK_TYPES).not.toContain(executable);
    expect(await sniffContentType(new Uint8Array(), "vide.txt")).toBeNull();
  });
});
