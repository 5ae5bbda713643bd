import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { TEST_ORIGIN, TEST_SECRET } from "./testing";

/**
 * `npm run collab` beside an app needs Redis to hear what the app does to open documents (a restored version, an
 * access change): without REDIS_URL it refuses to start, saying why, before it opens any database.
 */
const dataDir = mkdtempSync(path.join(os.tmpdir(), "preau-collab-standalone-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

it("refuses to start without REDIS_URL, saying why", { timeout: 60_000 }, () => {
  const started = spawnSync(process.execPath, ["--import", "tsx", "scripts/collab.ts"], {
    env: { ...process.env, AUTH_SECRET: TEST_SECRET, PUBLIC_URL: TEST_ORIGIN, PREAU_DATA_DIR: dataDir, REDIS_URL: "", COLLAB_ALONE: "" },
    encoding: "utf8",
    timeout: 50_000,
  });
  expect(started.status).toBe(1);
  expect(started.stderr).toContain("cannot run on its own without REDIS_URL");
  expect(started.stdout).not.toContain("ready");
});
