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
  /** Processor time it has used so far, in seconds (user and system). */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/**
 * Starts Préau as `npm start` does, in production mode, on a PostgreSQL database, and waits until it serves.
 * It builds first if the sources changed, like `npm start`.
 */
export async function startPreau(options: { databaseUrl: string; port: number; redisUrl?: string; authSecret?: string }): Promise<RunningPreau> {
  const url = `http://127.0.0.1:${options.port}`;
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      PREAU_MODE: "production",
      // Instances of one Préau share their secret: a session opened on one is valid on the others.
      AUTH_SECRET: options.authSecret ?? randomBytes(32).toString("base64"),
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
    cpuSeconds: () => cpuSecondsOf(child.pid!),
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

/** A process's resident memory now and at its highest so far, in MiB (from /proc). */
export function memoryOf(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? Number.NaN);
  return { rssKiB: kib("VmRSS"), rssMiB: Math.round(kib("VmRSS") / 1024), peakMiB: Math.round(kib("VmHWM") / 1024) };
}

/** Linux's USER_HZ: /proc counts processor time in hundredths of a second. */
const TICKS_PER_SECOND = 100;

/**
 * The processor time a process has used so far (user and system), in seconds, from /proc. Unlike wall-clock
 * figures it hardly depends on what else the machine is running.
 */
export function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // After the command's name, in parentheses: the state is field 3, utime field 14 and stime field 15.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}
