import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["{server,app,collab,drizzle,scripts}/**/*.test.ts"],
    environment: "node",
    globalSetup: ["server/testing/pglite-template.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { ARGON2_MEMORY_KIB: "8192", ARGON2_ITERATIONS: "1", AUTH_SECRET: "vitest-only-secret-of-at-least-32-characters" },
  },
});
