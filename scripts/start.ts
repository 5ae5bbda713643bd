import { createServer, type IncomingMessage } from "node:http";
import path from "node:path";
import next from "next";
import { CLIENT_IP_HEADER } from "@/server/auth/request";
import { openDatabase, processDatabase } from "@/server/db/client";
import { migrate } from "@/server/db/migrate";
import { mailerFromEnv } from "@/server/notifications/mailer";
import { startNotifications } from "@/server/notifications/service";
import { getRuntime } from "@/server/runtime";
import { purge } from "@/server/privacy/purge";
import { seedIfEmpty } from "@/server/seed/demo";
import { attachCollab } from "@/collab/attach";
import { buildIfNeeded } from "./build-if-needed";
import { prepareEnvironment } from "./prepare-environment";

/**
 * `npm start`: one process serves Préau. It validates the configuration, builds if needed, applies migrations,
 * seeds the demo school into an empty database (demo mode only) and serves the app on PORT.
 */
const dev = process.argv.includes("--dev");
const settings = prepareEnvironment();
if (!dev) buildIfNeeded();

const database = await processDatabase(() =>
  openDatabase({ url: settings.DATABASE_URL, dataDir: path.join(settings.PREAU_DATA_DIR, "pglite") }),
);
await migrate(database);
if (settings.PREAU_MODE === "demo" && (await seedIfEmpty(database.db))) console.log("Demo school created.");
// The notification centre listens to the event bus of this process, once.
const runtime = await getRuntime();
const notifications = startNotifications(runtime.db, runtime.bus, mailerFromEnv());

/** The retention rules (leavers after three months, the audit log after its retention) are applied every six hours. */
const PURGE_INTERVAL_MS = 6 * 3600 * 1000;
async function runPurge() {
  try {
    const report = await purge(database.db);
    if (report.erasedPeople || report.auditEntries) console.log(`Purge: ${report.erasedPeople} leavers erased, ${report.auditEntries} audit entries deleted.`);
  } catch (error) {
    console.error("[purge] failed", error);
  }
}
void runPurge();
const purgeTimer = setInterval(() => void runPurge(), PURGE_INTERVAL_MS);
purgeTimer.unref();

const app = next({ dev, dir: process.cwd() });
await app.prepare();
const handle = app.getRequestHandler();

/** The client's address, as the rate limits and the audit log see it; never taken from what the client sends. */
function clientIp(request: IncomingMessage): string {
  const forwarded = request.headers["x-forwarded-for"];
  if (settings.TRUST_PROXY && typeof forwarded === "string") return forwarded.split(",")[0].trim();
  return request.socket.remoteAddress?.replace(/^::ffff:/, "") ?? "";
}

const server = createServer((request, response) => {
  request.headers[CLIENT_IP_HEADER] = clientIp(request);
  void handle(request, response);
});
const collab = await attachCollab(server, database.db, settings);
server.listen(settings.PORT, () => {
  const where = database.kind === "pglite" ? `PGlite in ${settings.PREAU_DATA_DIR}/pglite` : "PostgreSQL";
  console.log(`Préau is ready on ${settings.PUBLIC_URL} (port ${settings.PORT}, ${where}, ${settings.PREAU_MODE} mode)`);
});

async function shutdown(signal: string) {
  console.log(`${signal}: closing Préau…`);
  server.close();
  await collab.close();
  notifications.stop();
  await database.close();
  process.exit(0);
}
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));
