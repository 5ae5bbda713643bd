import { processFanout } from "@/collab/fanout";
import { storeUpdate } from "@/collab/storage";
import type { Db } from "@/server/db";
import { env } from "@/server/env";

/**
 * Applies an update made by the app (a restored version) the way the collaboration server applies a writer's:
 * stored first, then published to the collaboration servers, which relay it to everyone who has the document open.
 */
export async function commitUpdate(db: Db, documentId: string, authorId: string, update: Uint8Array): Promise<void> {
  await storeUpdate(db, documentId, authorId, update);
  const fanout = await processFanout(env().REDIS_URL);
  const participant = fanout.join();
  participant.publish({ documentId, kind: "update", data: update });
  participant.leave();
}
