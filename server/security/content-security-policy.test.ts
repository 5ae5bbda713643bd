import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce } from "./content-security-policy";

describe("the content security policy", () => {
  it("lets only scripts with the response's nonce run, never inline handlers or eval", () => {
    const policy = contentSecurityPolicy("abc");
    expect(policy).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain("upgrade-insecure-requests");
  });

  it("allows eval only for the development server, and upgrades requests behind https", () => {
    expect(contentSecurityPolicy("n", { development: true })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy("n", { https: true })).toContain("upgrade-insecure-requests");
  });

  it("lets the browser reach the configured LiveKit server, over websocket and https", () => {
    const policy = contentSecurityPolicy("n", { livekitUrl: "wss://video.example.org" });
    expect(policy).toContain("connect-src 'self' ws: wss: wss://video.example.org https://video.example.org");
    expect(contentSecurityPolicy("n")).toContain("connect-src 'self' ws: wss:;");
  });

  it("draws a new nonce every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    expect([...nonces][0]).toMatch(/^[A-Za-z0-9+/]{24}$/);
  });
});
