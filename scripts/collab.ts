import { createServer } from "node:http";
import path from "node:path";
import { z } from "zod";
import { attachCollab } from "@/collab/attach";
import { openDatabase } from "@/server/db/client";
import { migrate } from "@/server/db/migrate";
import { prepareEnvironment } from "./prepare-environment";

/**
 * `npm run collab`: the collaboration server on its own, for scaling out behind a load balancer that routes
 * /collab/ to it. It needs the app's PostgreSQL (DATABASE_URL), AUTH_SECRET and REDIS_URL: through Redis it hears
 * what the app does to open documents (a version restored, an access changed, a person logged out everywhere), which
 * an app in another process could not tell it otherwise. COLLAB_ALONE=true starts it without Redis where no app runs
 * beside it (the crash test, the co-editing benchmark). Without DATABASE_URL it opens the PGlite folder itself, which
 * then no other process may use.
 */
const settings = prepareEnvironment();
const port = z.coerce.number().int().min(1).default(3001).parse(process.env.COLLAB_PORT || undefined);
const alone = z.stringbool().default(false).parse(process.env.COLLAB_ALONE || undefined);
if (!settings.REDIS_URL && !alone) {
  console.error(
    "Préau's collaboration server cannot run on its own without REDIS_URL: the app tells it through Redis when a version " +
      "is restored or someone's access changes, and open editors would miss it. Give it the app's REDIS_URL, or let " +
      "`npm start` serve it embedded (COLLAB_ALONE=true runs it with no app beside it, for tests and benchmarks).",
  );
  process.exit(1);
}

const database = await openDatabase({ url: settings.DATABASE_URL, dataDir: path.join(settings.PREAU_DATA_DIR, "pglite") });
if (database.kind === "pglite") await migrate(database);

const server = createServer((request, response) => {
  response.writeHead(request.url === "/health" ? 200 : 404, { "content-type": "text/plain" });
  response.end(request.url === "/health" ? "ok" : "not found");
});
const collab = await attachCollab(server, database.db, settings);
server.on("upgrade", (request, socket) => {
  if (!request.url?.startsWith("/collab/")) socket.destroy();
});
server.listen(port, () => console.log(`Préau collaboration server ready on port ${port} (${database.kind})`));

async function shutdown(signal: string) {
  console.log(`${signal}: closing the collaboration server…`);
  server.close();
  await collab.close();
  await database.close();
  process.exit(0);
}
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));
