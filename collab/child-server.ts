import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { TEST_ORIGIN, TEST_SECRET } from "./testing";

/**
 * A standalone collaboration server (`scripts/collab.ts`) in a child process, for tests that kill or multiply it and
 * for benchmarks. No app runs beside it (COLLAB_ALONE), so it starts without REDIS_URL unless given one.
 */
export interface ChildServer {
  base: string;
  process: ChildProcess;
  /** What the server wrote on stderr so far (also passed on to the test's stderr). */
  errors(): string;
  /** kill -9: the process dies at once, whatever it was doing. */
  kill(): Promise<void>;
  /** SIGTERM, as a service manager stops it; resolves to the exit code. */
  stop(): Promise<number | null>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** `nodeArgs` go to Node.js before the script; `ipc` opens a message channel to the server (`process.send`). */
export async function startChildServer(env: Record<string, string>, options: { nodeArgs?: string[]; ipc?: boolean } = {}): Promise<ChildServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), "--import", "tsx", "scripts/collab.ts"], {
    env: { ...process.env, AUTH_SECRET: TEST_SECRET, PUBLIC_URL: TEST_ORIGIN, COLLAB_PORT: String(port), COLLAB_ALONE: "true", ...env },
    stdio: ["ignore", "pipe", "pipe", ...(options.ipc ? (["ipc"] as const) : [])],
  });
  let errors = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    errors += chunk.toString();
    process.stderr.write(chunk);
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("collaboration server ready")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`the collaboration server stopped (${code})`)));
  });
  return {
    base: `ws://127.0.0.1:${port}`,
    process: child,
    errors: () => errors,
    async kill() {
      child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      child.kill("SIGTERM");
      return exited;
    },
  };
}
