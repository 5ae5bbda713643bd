import { and, eq, or, isNull, type SQL, sql } from "drizzle-orm";
import { conversationParticipants, conversations, messages, profiles } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { hasRole, type Scope } from "@/server/policy/scope";
import { INBOX_MEMBER_ROLE } from "./reach";

export type Conversation = typeof conversations.$inferSelect;

/** How a person sees a conversation: as one it was addressed to, or as a member of its shared inbox. */
export interface ConversationAccess {
  conversation: Conversation;
  addressed: boolean;
  inboxMember: boolean;
}

/** Whether this person sees the conversation, and how (the access policy's "conversation.read"). */
export async function conversationAccess(db: Db, scope: Scope, conversationId: string): Promise<ConversationAccess | null> {
  const [row] = await db
    .select({ conversation: conversations, addressed: conversationParticipants.addressed })
    .from(conversations)
    .leftJoin(
      conversationParticipants,
      and(eq(conversationParticipants.conversationId, conversations.id), eq(conversationParticipants.personId, scope.personId)),
    )
    .where(and(eq(conversations.id, conversationId), eq(conversations.establishmentId, scope.establishmentId)));
  if (!row) return null;
  const inbox = row.conversation.inbox;
  const inboxMember = inbox !== null && hasRole(scope, INBOX_MEMBER_ROLE[inbox]);
  const addressed = row.addressed === true;
  return addressed || inboxMember ? { conversation: row.conversation, addressed, inboxMember } : null;
}

/** The messages of a conversation a person sees: all but the replies of others addressed to someone else alone. */
export function visibleTo(personId: string): SQL {
  return or(isNull(messages.privateTo), eq(messages.privateTo, personId), eq(messages.authorId, personId))!;
}

/** Everyone who sees a message: the conversation's addressed people and its inbox's members, narrowed if private. */
export async function viewersOf(db: Db, conversation: Conversation, message: { authorId: string; privateTo: string | null }) {
  if (message.privateTo) return [message.authorId, message.privateTo];
  const addressed = await db
    .select({ id: conversationParticipants.personId })
    .from(conversationParticipants)
    .where(and(eq(conversationParticipants.conversationId, conversation.id), eq(conversationParticipants.addressed, true)));
  const members = conversation.inbox
    ? await db
        .select({ id: profiles.personId })
        .from(profiles)
        .where(and(eq(profiles.establishmentId, conversation.establishmentId), eq(profiles.role, INBOX_MEMBER_ROLE[conversation.inbox])))
    : [];
  return [...new Set([message.authorId, ...addressed.map((r) => r.id), ...members.map((r) => r.id)])];
}

/** Whether the message is one this person sees, in a conversation they see (reports, attachments). */
export async function messageAccess(db: Db, scope: Scope, messageId: string) {
  const [message] = await db
    .select()
    .from(messages)
    .where(and(eq(messages.id, messageId), visibleTo(scope.personId)));
  if (!message) return null;
  const access = await conversationAccess(db, scope, message.conversationId);
  return access ? { message, ...access } : null;
}

/** The inbox-member rows are created on first use; the addressed ones exist from the start. */
export async function upsertOwnView(
  db: Db,
  conversationId: string,
  personId: string,
  set: Partial<Pick<typeof conversationParticipants.$inferInsert, "lastReadAt" | "archivedAt" | "deletedAt">>,
) {
  await db
    .insert(conversationParticipants)
    .values({ conversationId, personId, addressed: false, ...set })
    .onConflictDoUpdate({ target: [conversationParticipants.conversationId, conversationParticipants.personId], set });
}

export const NEVER = sql`'-infinity'::timestamptz`;
