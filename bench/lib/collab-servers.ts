import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { startChildServer } from "@/collab/child-server";
import { signTicket } from "@/collab/ticket";
import { cpuSecondsOf } from "./preau-server";

/** The origin the simulated browsers send, and the one Préau's collaboration server is told to accept. */
export const BENCH_ORIGIN = "http://preau-bench.localhost";

/** A co-editing server under measurement, in its own process. */
export interface CollabTarget {
  name: string;
  /** The JavaScript heap the server still uses once garbage is collected, in KiB. */
  heapKiB(): Promise<number>;
  /** Processor time the server's process has used so far, in seconds. */
  cpuSeconds(): number;
  /** Where a writer opens a document, as the y-websocket provider takes it. */
  open(documentId: string, personId: string): { serverUrl: string; room: string; params: Record<string, string> };
  stop(): Promise<void>;
}

/** Node.js options that let the benchmark ask a server its heap (see heap-probe.mjs). */
const HEAP_PROBE = ["--expose-gc", "--import", pathToFileURL(path.resolve("bench/lib/heap-probe.mjs")).href];

function heapKiBOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once("message", (answer: { heapUsed: number }) => resolve(answer.heapUsed / 1024));
    child.send("heap?");
  });
}

/**
 * Préau's standalone collaboration server (`npm run collab`) on the benchmark's database: every connection opened
 * with a ticket signed by the app's secret, every writer's update stored before it is relayed.
 */
export async function startPreauCollab(serverEnv: Record<string, string>): Promise<CollabTarget> {
  const secret = randomBytes(32).toString("base64url");
  const server = await startChildServer(
    { ...serverEnv, AUTH_SECRET: secret, PUBLIC_URL: BENCH_ORIGIN, REDIS_URL: "", PREAU_MODE: "production" },
    { nodeArgs: HEAP_PROBE, ipc: true },
  );
  const pid = server.process.pid!;
  return {
    name: "Préau",
    heapKiB: () => heapKiBOf(server.process),
    cpuSeconds: () => cpuSecondsOf(pid),
    open: (documentId, personId) => ({
      serverUrl: `${server.base}/collab`,
      room: documentId,
      params: { ticket: signTicket(secret, { personId, documentId, access: "write" }) },
    }),
    stop: async () => {
      await server.stop();
    },
  };
}

/** The reference server, `@y/websocket-server`'s own command as its README starts it: in memory, no checks. */
export async function startReferenceServer(port: number): Promise<CollabTarget> {
  const environment: NodeJS.ProcessEnv = { ...process.env, HOST: "127.0.0.1", PORT: String(port) };
  delete environment.YPERSISTENCE;
  delete environment.CALLBACK_URL;
  const child = spawn(process.execPath, [...HEAP_PROBE, path.join("node_modules", "@y", "websocket-server", "src", "server.js")], {
    env: environment,
    stdio: ["ignore", "pipe", "inherit", "ipc"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("running at")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`the reference server stopped (${code}); is port ${port} free?`)));
  });
  return {
    name: "reference",
    heapKiB: () => heapKiBOf(child),
    cpuSeconds: () => cpuSecondsOf(child.pid!),
    open: (documentId) => ({ serverUrl: `ws://127.0.0.1:${port}`, room: documentId, params: {} }),
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}
