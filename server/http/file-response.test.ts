import { describe, expect, it } from "vitest";
import { fileResponse } from "./file-response";

describe("a stored file's download", () => {
  it("is an attachment with the person's name, an ASCII fallback, and no sniffing or rendering by the browser", () => {
    const response = fileResponse({ name: 'exposé "final".pdf', contentType: "application/pdf" }, new Uint8Array(3));
    expect(response.headers.get("Content-Disposition")).toBe(
      `attachment; filename="fichier-expose-final.pdf"; filename*=UTF-8''expos%C3%A9%20%22final%22.pdf`,
    );
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Content-Security-Policy")).toContain("sandbox");
    expect(response.headers.get("Content-Length")).toBe("3");
  });
});
