import type { EventBus } from "@/server/events";

/** What a person's open pages are told, as they happen: enough to refetch what changed, nothing more. */
export type LiveEvent =
  | { type: "message"; conversationId: string; fromMe: boolean }
  | { type: "notification" }
  | { type: "carnet"; noteId: string }
  | { type: "virtualClass"; virtualClassId: string }
  | { type: "closed" };

/**
 * Listens, on this instance's event bus, to what concerns one person: a message they see, a notification of theirs,
 * a carnet note sent to them or acknowledged by a family (for its author), a virtual class of theirs started. Over
 * Redis, events published by any instance arrive here. Returns the function that stops listening.
 */
export function liveEventsFor(bus: EventBus, personId: string, send: (event: LiveEvent) => void): () => void {
  const offs = [
    bus.subscribe("message.sent", (e) => {
      if (e.viewerIds.includes(personId)) send({ type: "message", conversationId: e.conversationId, fromMe: e.authorId === personId });
    }),
    bus.subscribe("notification.created", (e) => {
      if (e.personId === personId) send({ type: "notification" });
    }),
    bus.subscribe("carnet.sent", (e) => {
      if (e.guardianIds.includes(personId)) send({ type: "carnet", noteId: e.noteId });
    }),
    bus.subscribe("carnet.acknowledged", (e) => {
      if (e.authorId === personId) send({ type: "carnet", noteId: e.noteId });
    }),
    bus.subscribe("virtualClass.started", (e) => {
      if (e.attendeeIds.includes(personId)) send({ type: "virtualClass", virtualClassId: e.virtualClassId });
    }),
    bus.subscribe("sessions.revoked", (e) => {
      if (e.personId === personId) send({ type: "closed" });
    }),
  ];
  return () => offs.forEach((off) => off());
}
