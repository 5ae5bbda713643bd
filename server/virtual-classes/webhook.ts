import { and, desc, eq, isNull, lt } from "drizzle-orm";
import type { WebhookEvent } from "livekit-server-sdk";
import { livekitWebhookEvents, people, virtualClasses, virtualClassPresences } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import type { LivekitConfig } from "@/server/integrations/livekit/config";
import { verifiedWebhook } from "@/server/integrations/livekit/webhooks";

/**
 * LiveKit's webhooks turned into attendance: participant_joined opens a stay in the room, participant_left closes
 * it, room_finished closes whatever is still open. Only verified events are read (signature and body hash), and
 * each event id is applied once: a replayed event changes nothing.
 */
export type WebhookOutcome = "applied" | "replayed" | "ignored";

/** Event ids are kept this long; a replay older than this fails the signature's expiry anyway. */
const SEEN_IDS_KEPT_MS = 24 * 3600_000;

export class ForgedWebhook extends Error {}

export async function receiveWebhook(db: Db, config: LivekitConfig, body: string, authorization: string | null): Promise<WebhookOutcome> {
  let event: WebhookEvent;
  try {
    event = await verifiedWebhook(config, body, authorization);
  } catch (error) {
    throw new ForgedWebhook((error as Error).message);
  }
  if (!event.id) throw new ForgedWebhook("an event without an id");
  return db.transaction(async (tx) => {
    const fresh = await tx.insert(livekitWebhookEvents).values({ id: event.id }).onConflictDoNothing().returning({ id: livekitWebhookEvents.id });
    if (fresh.length === 0) return "replayed";
    await tx.delete(livekitWebhookEvents).where(lt(livekitWebhookEvents.receivedAt, new Date(Date.now() - SEEN_IDS_KEPT_MS)));
    return (await apply(tx, event)) ? "applied" : "ignored";
  });
}

/** When the event happened, as LiveKit says (seconds since the epoch). */
const happenedAt = (event: WebhookEvent) => new Date(Number(event.createdAt) * 1000);

async function apply(db: Db, event: WebhookEvent): Promise<boolean> {
  const roomName = event.room?.name;
  if (!roomName) return false;
  const [virtualClass] = await db.select({ id: virtualClasses.id }).from(virtualClasses).where(eq(virtualClasses.roomName, roomName));
  if (!virtualClass) return false;
  const at = happenedAt(event);
  const personId = event.participant?.identity;
  switch (event.event) {
    case "participant_joined":
      if (!personId || !(await isPerson(db, personId))) return false;
      await db.insert(virtualClassPresences).values({ virtualClassId: virtualClass.id, personId, joinedAt: at });
      return true;
    case "participant_left": {
      if (!personId) return false;
      const [open] = await db
        .select({ id: virtualClassPresences.id })
        .from(virtualClassPresences)
        .where(
          and(eq(virtualClassPresences.virtualClassId, virtualClass.id), eq(virtualClassPresences.personId, personId), isNull(virtualClassPresences.leftAt)),
        )
        .orderBy(desc(virtualClassPresences.joinedAt))
        .limit(1);
      if (!open) return false;
      await db.update(virtualClassPresences).set({ leftAt: at }).where(eq(virtualClassPresences.id, open.id));
      return true;
    }
    case "room_finished":
      await db
        .update(virtualClassPresences)
        .set({ leftAt: at })
        .where(and(eq(virtualClassPresences.virtualClassId, virtualClass.id), isNull(virtualClassPresences.leftAt)));
      return true;
    default:
      return false;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Préau's tokens name participants by person id; anyone else in the room (a recorder, an agent) is not counted. */
async function isPerson(db: Db, identity: string): Promise<boolean> {
  if (!UUID.test(identity)) return false;
  const rows = await db.select({ id: people.id }).from(people).where(eq(people.id, identity)).limit(1);
  return rows.length > 0;
}
