import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, expect, it } from "vitest";
import { auditLog } from "@/drizzle/schema";
import { openDatabase } from "./client";

/**
 * Nothing saved is lost when the process dies: a write the embedded database acknowledged survives a kill -9 of the
 * process that made it, and the next process finds it (PGlite recovers from its write-ahead log like PostgreSQL).
 */
const dataDir = mkdtempSync(path.join(os.tmpdir(), "preau-crash-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function runUntilCommitted(marker: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const writer = spawn(process.execPath, ["--import", "tsx", "server/testing/crash-writer.ts", dataDir, marker], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    writer.stdout.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes(`committed ${marker}`)) writer.kill("SIGKILL");
    });
    writer.on("exit", (_code, signal) =>
      signal === "SIGKILL" ? resolve() : reject(new Error(`the writer stopped on its own (${signal})`)),
    );
  });
}

it("keeps a committed write after the process that made it is killed", { timeout: 120_000 }, async () => {
  await runUntilCommitted("first-crash");
  await runUntilCommitted("second-crash");

  const database = await openDatabase({ dataDir });
  const found = await database.db.select().from(auditLog).where(eq(auditLog.action, "auth.login.succeeded"));
  await database.close();
  expect(found.map((entry) => entry.login).sort()).toEqual(["first-crash", "second-crash"]);
});
