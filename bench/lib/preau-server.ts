import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

export interface RunningPreau {
  url: string;
  pid: number;
  /** Resident memory now and at its highest so far, in MiB (from /proc). */
  memory(): { rssMiB: number; peakMiB: number };
  stop(): Promise<void>;
}

/**
 * Starts Préau as `npm start` does, in production mode, on a PostgreSQL database, and waits until it serves.
 * It builds first if the sources changed, like `npm start`.
 */
export async function startPreau(options: { databaseUrl: string; port: number; redisUrl?: string }): Promise<RunningPreau> {
  const url = `http://127.0.0.1:${options.port}`;
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      PREAU_MODE: "production",
      AUTH_SECRET: randomBytes(32).toString("base64"),
      PORT: String(options.port),
      PUBLIC_URL: url,
      DATABASE_URL: options.databaseUrl,
      REDIS_URL: options.redisUrl ?? "",
      PREAU_DATA_DIR: await mkdtemp(path.join(os.tmpdir(), "preau-bench-")),
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await readyOf(child);
  return {
    url,
    pid: child.pid!,
    memory: () => memoryOf(child.pid!),
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

function readyOf(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Préau is ready")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`Préau exited (${code}) before it was ready:\n${output}`)));
  });
}

function memoryOf(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? Number.NaN);
  return { rssMiB: Math.round(kib("VmRSS") / 1024), peakMiB: Math.round(kib("VmHWM") / 1024) };
}
