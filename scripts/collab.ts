import { createServer } from "node:http";
import path from "node:path";
import { z } from "zod";
import { attachCollab } from "@/collab/attach";
import { openDatabase } from "@/server/db/client";
import { migrate } from "@/server/db/migrate";
import { prepareEnvironment } from "./prepare-environment";

/**
 * `npm run collab`: the collaboration server on its own, for scaling out behind a load balancer that routes
 * /collab/ to it (REDIS_URL lets several instances share documents). It needs the app's PostgreSQL (DATABASE_URL)
 * and AUTH_SECRET; without DATABASE_URL it opens the PGlite folder itself, which then no other process may use.
 */
const settings = prepareEnvironment();
const port = z.coerce.number().int().min(1).default(3001).parse(process.env.COLLAB_PORT || undefined);

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
