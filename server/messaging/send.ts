import { and, eq, inArray } from "drizzle-orm";
import { conversationParticipants, conversations, messageAttachments, messages, storedFiles } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/domain-error";
import type { DomainEvents } from "@/server/events";
import type { Scope } from "@/server/policy/scope";
import type { ConversationAccess } from "./access";
import { viewersOf } from "./access";
import { isBroadcastList, listMembers, mayAddressList, parseListKey } from "./lists";
import { type Inbox, mayWriteToInbox, reachableAmong } from "./reach";
import { communicationRules } from "./settings";

/** More addressed people than this make a broadcast even without a list: replies reach the sender only. */
export const BROADCAST_SIZE = 10;
export const MAX_ATTACHMENTS = 5;

export interface Recipients {
  personIds: string[];
  listKeys: string[];
  inbox: Inbox | null;
}

export interface NewMessage {
  body: string;
  fileIds: string[];
}

type SentEvent = DomainEvents["message.sent"];

/** The files must be the sender's own uploads in this establishment. */
async function checkOwnFiles(db: Db, scope: Scope, fileIds: string[]) {
  if (fileIds.length > MAX_ATTACHMENTS) throw new DomainError("messaging.errors.tooManyFiles");
  if (fileIds.length === 0) return;
  const own = await db
    .select({ id: storedFiles.id })
    .from(storedFiles)
    .where(and(inArray(storedFiles.id, fileIds), eq(storedFiles.uploadedBy, scope.personId), eq(storedFiles.establishmentId, scope.establishmentId)));
  if (own.length !== new Set(fileIds).size) throw new DomainError("messaging.errors.file");
}

/** Who a new conversation is addressed to, each checked against the communication rules. */
async function resolveRecipients(db: Db, scope: Scope, to: Recipients) {
  if (to.inbox) {
    if (to.personIds.length || to.listKeys.length) throw new DomainError("messaging.errors.inboxAlone");
    if (!mayWriteToInbox(scope, await communicationRules(db, scope.establishmentId), to.inbox)) {
      throw new DomainError("messaging.errors.recipientRefused");
    }
    return { personIds: [], broadcast: false };
  }
  const reachable = await reachableAmong(db, scope, to.personIds);
  if (reachable.size !== new Set(to.personIds).size) throw new DomainError("messaging.errors.recipientRefused");
  const members = new Set(reachable);
  let broadcast = false;
  for (const key of to.listKeys) {
    if (!(await mayAddressList(db, scope, key))) throw new DomainError("messaging.errors.recipientRefused");
    broadcast ||= isBroadcastList(parseListKey(key)!.kind);
    for (const id of await listMembers(db, scope.establishmentId, key)) members.add(id);
  }
  members.delete(scope.personId);
  if (members.size === 0) throw new DomainError("messaging.errors.noRecipient");
  return { personIds: [...members], broadcast: broadcast || members.size > BROADCAST_SIZE };
}

async function insertMessage(db: Db, conversationId: string, authorId: string, privateTo: string | null, input: NewMessage) {
  const [message] = await db.insert(messages).values({ conversationId, authorId, privateTo, body: input.body }).returning();
  if (input.fileIds.length) {
    await db.insert(messageAttachments).values([...new Set(input.fileIds)].map((fileId) => ({ messageId: message.id, fileId })));
  }
  await db.update(conversations).set({ lastMessageAt: message.createdAt }).where(eq(conversations.id, conversationId));
  return message;
}

/** Starts a conversation with people, lists or a shared inbox. Returns the event that tells its viewers. */
export async function startConversation(
  db: Db,
  scope: Scope,
  input: NewMessage & { subject: string; to: Recipients },
): Promise<SentEvent> {
  await checkOwnFiles(db, scope, input.fileIds);
  const recipients = await resolveRecipients(db, scope, input.to);
  return db.transaction(async (tx) => {
    const [conversation] = await tx
      .insert(conversations)
      .values({
        establishmentId: scope.establishmentId,
        subject: input.subject,
        createdBy: scope.personId,
        inbox: input.to.inbox,
        broadcast: recipients.broadcast,
      })
      .returning();
    await tx
      .insert(conversationParticipants)
      .values([scope.personId, ...recipients.personIds].map((personId) => ({ conversationId: conversation.id, personId, addressed: true })));
    const message = await insertMessage(tx, conversation.id, scope.personId, null, input);
    const viewerIds = await viewersOf(tx, conversation, { authorId: scope.personId, privateTo: null });
    return { establishmentId: scope.establishmentId, conversationId: conversation.id, messageId: message.id, authorId: scope.personId, viewerIds };
  });
}

/**
 * Answers in a conversation. In a broadcast, a recipient's answer goes to its sender alone; the sender may answer one
 * person alone (`privateTo`) or everyone. An inbox member's first answer marks the conversation handled by them.
 */
export async function reply(
  db: Db,
  scope: Scope,
  access: ConversationAccess,
  input: NewMessage & { privateTo: string | null },
): Promise<SentEvent> {
  await checkOwnFiles(db, scope, input.fileIds);
  const { conversation } = access;
  const isSender = conversation.createdBy === scope.personId;
  let privateTo: string | null = null;
  if (conversation.broadcast && !isSender) {
    if (!conversation.createdBy) throw new DomainError("messaging.errors.senderGone");
    privateTo = conversation.createdBy;
  } else if (input.privateTo && conversation.broadcast) {
    const [addressed] = await db
      .select()
      .from(conversationParticipants)
      .where(and(eq(conversationParticipants.conversationId, conversation.id), eq(conversationParticipants.personId, input.privateTo)));
    if (!addressed?.addressed) throw new DomainError("messaging.errors.recipientRefused");
    privateTo = input.privateTo;
  }
  return db.transaction(async (tx) => {
    const message = await insertMessage(tx, conversation.id, scope.personId, privateTo, input);
    if (access.inboxMember && !conversation.handledBy) {
      await tx.update(conversations).set({ handledBy: scope.personId }).where(eq(conversations.id, conversation.id));
    }
    const viewerIds = await viewersOf(tx, conversation, { authorId: scope.personId, privateTo });
    return { establishmentId: scope.establishmentId, conversationId: conversation.id, messageId: message.id, authorId: scope.personId, viewerIds };
  });
}
