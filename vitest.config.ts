import path from "node:path";
import { defineConfig } from "vitest/config";
import { TEST_ENV } from "./server/testing/test-env";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["{server,app,collab,drizzle,scripts}/**/*.test.ts"],
    environment: "node",
    globalSetup: ["server/testing/templates.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: TEST_ENV,
  },
});
