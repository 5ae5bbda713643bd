import type { Server } from "node:http";
import type { Db } from "@/server/db/client";
import type { Env } from "@/server/env";
import { documentAccessNow } from "@/server/documents/access-now";
import { getEventBus } from "@/server/events";
import { processFanout } from "./fanout";
import { type CollabServer, createCollabServer } from "./server";

/**
 * Serves the collaboration server on an HTTP server's upgrades under /collab/: the app's own server (`npm start`,
 * same origin as the pages) or the standalone one (`npm run collab`). Other upgrades are left to other listeners.
 * The caller closes the returned server before its database: unloading a room takes its checkpoint there.
 */
export async function attachCollab(server: Server, db: Db, settings: Env): Promise<CollabServer> {
  if (!settings.AUTH_SECRET) throw new Error("the collaboration server needs AUTH_SECRET to check tickets");
  const collab = createCollabServer({
    db,
    secret: settings.AUTH_SECRET,
    publicUrl: settings.PUBLIC_URL,
    fanout: await processFanout(settings.REDIS_URL),
    bus: await getEventBus(),
    recheck: (personId, documentId) => documentAccessNow(db, personId, documentId),
  });
  server.on("upgrade", (request, socket, head: Buffer) => {
    collab.handleUpgrade(request, socket, head);
  });
  return collab;
}
