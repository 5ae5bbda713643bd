import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { requireChromium } from "./scripts/chromium.mjs";

/**
 * e2e tests drive Debian's Chromium (or CHROMIUM_PATH) against a production build of Préau started on a fresh
 * database: E2E_DATABASE_URL when given (a fresh PostgreSQL database), a new PGlite folder otherwise.
 */
const chromium = requireChromium();

const port = Number(process.env.E2E_PORT ?? 3200);
const baseURL = `http://localhost:${port}`;
const dataDir = path.join(os.tmpdir(), `preau-e2e-${process.pid}`);

export default defineConfig({
  testDir: "e2e",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  workers: 2,
  // On CI, a test that fails is run once more (specs name what they create uniquely per attempt), and reported flaky.
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    locale: "fr-FR",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined } },
    // the tests tagged PHONE (e2e/accessibility.ts), again at a phone's width
    { name: "phone", use: { ...devices["Pixel 7"], channel: undefined }, grep: /@phone/ },
  ],
  webServer: {
    command: "npx tsx scripts/start.ts",
    url: `${baseURL}/connexion`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      PUBLIC_URL: baseURL,
      PREAU_MODE: "demo",
      PREAU_DATA_DIR: dataDir,
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
      REDIS_URL: process.env.REDIS_URL ?? "",
      NEXT_TELEMETRY_DISABLED: "1",
      // a LiveKit address nobody listens on: the server issues tokens (e2e/virtual-classes.spec.ts), no media flows
      LIVEKIT_URL: "ws://127.0.0.1:7880",
      LIVEKIT_API_KEY: "APIe2e",
      LIVEKIT_API_SECRET: "e2e-secret-of-at-least-thirty-two-characters",
    },
  },
});
