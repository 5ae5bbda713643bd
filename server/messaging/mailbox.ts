import { and, asc, desc, eq, exists, gt, ilike, inArray, or, sql } from "drizzle-orm";
import { conversationParticipants, conversations, messageAttachments, messages, people, storedFiles } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { hasRole, type Scope } from "@/server/policy/scope";
import { type ConversationAccess, NEVER, upsertOwnView, visibleTo } from "./access";
import { type Inbox, INBOX_MEMBER_ROLE } from "./reach";
import { likePattern } from "./recipients";

export const CONVERSATIONS_PER_PAGE = 20;

export type Folder = "inbox" | "archive";

const own = (personId: string) =>
  and(eq(conversationParticipants.conversationId, conversations.id), eq(conversationParticipants.personId, personId));

/** The shared inboxes this person answers for. */
export function inboxesOf(scope: Scope): Inbox[] {
  return (["direction", "vie_scolaire"] as const).filter((inbox) => hasRole(scope, INBOX_MEMBER_ROLE[inbox]));
}

/** The conversations this person sees, with what of them they see: shared by the list, the counts and the search. */
function seenConversations(db: Db, scope: Scope) {
  const me = scope.personId;
  const inboxes = inboxesOf(scope);
  const hiddenBefore = sql`coalesce(${conversationParticipants.deletedAt}, ${NEVER})`;
  const readUpTo = sql`greatest(${hiddenBefore}, coalesce(${conversationParticipants.lastReadAt}, ${NEVER}))`;
  const mine = and(eq(messages.conversationId, conversations.id), visibleTo(me), gt(messages.createdAt, hiddenBefore));
  const lastAt = sql<Date | null>`(select max(${messages.createdAt}) from ${messages} where ${mine})`.mapWith(conversations.lastMessageAt);
  const unread = sql<number>`(select count(*) from ${messages} where ${mine} and ${messages.createdAt} > ${readUpTo}
    and ${messages.authorId} is distinct from ${me})`.mapWith(Number);
  const seen = or(eq(conversationParticipants.addressed, true), inboxes.length ? inArray(conversations.inbox, inboxes) : sql`false`);
  return db
    .select({
      id: conversations.id,
      subject: conversations.subject,
      inbox: conversations.inbox,
      broadcast: conversations.broadcast,
      createdBy: conversations.createdBy,
      handledBy: conversations.handledBy,
      archivedAt: conversationParticipants.archivedAt,
      lastAt: lastAt.as("last_at"),
      unread: unread.as("unread"),
    })
    .from(conversations)
    .leftJoin(conversationParticipants, own(me))
    .where(and(eq(conversations.establishmentId, scope.establishmentId), seen))
    .as("seen");
}

/** A page of one's conversations, newest first, in the inbox or the archive, matching a search in subjects and messages. */
export async function listConversations(db: Db, scope: Scope, input: { folder: Folder; search: string; page: number }) {
  const seen = seenConversations(db, scope);
  const archived = sql`(${seen.archivedAt} is not null and ${seen.archivedAt} >= ${seen.lastAt})`;
  const pattern = likePattern(input.search.trim());
  const matches = input.search.trim()
    ? or(
        ilike(seen.subject, pattern),
        exists(
          db
            .select({ one: sql`1` })
            .from(messages)
            .where(and(eq(messages.conversationId, seen.id), visibleTo(scope.personId), ilike(messages.body, pattern))),
        ),
      )
    : undefined;
  const rows = await db
    .select()
    .from(seen)
    .where(and(sql`${seen.lastAt} is not null`, input.folder === "archive" ? archived : sql`not ${archived}`, matches))
    .orderBy(desc(seen.lastAt), asc(seen.id))
    .limit(CONVERSATIONS_PER_PAGE + 1)
    .offset(input.page * CONVERSATIONS_PER_PAGE);
  const page = rows.slice(0, CONVERSATIONS_PER_PAGE);
  const names = await correspondents(db, scope.personId, page);
  return {
    conversations: page.map((c) => ({ ...c, with: names.get(c.id) ?? [] })),
    hasMore: rows.length > CONVERSATIONS_PER_PAGE,
  };
}

/** How many conversations have messages this person has not read. */
export async function unreadCount(db: Db, scope: Scope): Promise<number> {
  const seen = seenConversations(db, scope);
  const [row] = await db.select({ count: sql<number>`count(*)`.mapWith(Number) }).from(seen).where(gt(seen.unread, 0));
  return row.count;
}

/**
 * Whom each conversation is with, as this person may know it: in a broadcast they received, its sender only (never
 * the other families on the list).
 */
async function correspondents(db: Db, me: string, page: { id: string; broadcast: boolean; createdBy: string | null }[]) {
  if (page.length === 0) return new Map<string, string[]>();
  const rows = await db
    .select({ conversationId: conversationParticipants.conversationId, personId: people.id, firstName: people.firstName, lastName: people.lastName })
    .from(conversationParticipants)
    .innerJoin(people, eq(people.id, conversationParticipants.personId))
    .where(and(inArray(conversationParticipants.conversationId, page.map((c) => c.id)), eq(conversationParticipants.addressed, true)))
    .orderBy(asc(people.lastName), asc(people.firstName));
  const byConversation = new Map<string, string[]>();
  for (const c of page) {
    const shown = rows.filter(
      (r) => r.conversationId === c.id && r.personId !== me && (!c.broadcast || c.createdBy === me || r.personId === c.createdBy),
    );
    byConversation.set(c.id, shown.map((r) => `${r.firstName} ${r.lastName}`));
  }
  return byConversation;
}

/** A conversation as this person sees it: its messages (with attachments), who it is with, who handled it. */
export async function conversationThread(db: Db, scope: Scope, access: ConversationAccess) {
  const { conversation } = access;
  const me = scope.personId;
  const [view] = await db
    .select()
    .from(conversationParticipants)
    .where(and(eq(conversationParticipants.conversationId, conversation.id), eq(conversationParticipants.personId, me)));
  const hiddenBefore = view?.deletedAt ?? new Date(0);
  const rows = await db
    .select({
      id: messages.id,
      body: messages.body,
      createdAt: messages.createdAt,
      authorId: messages.authorId,
      privateTo: messages.privateTo,
      authorFirstName: people.firstName,
      authorLastName: people.lastName,
    })
    .from(messages)
    .leftJoin(people, eq(people.id, messages.authorId))
    .where(and(eq(messages.conversationId, conversation.id), visibleTo(me), gt(messages.createdAt, hiddenBefore)))
    .orderBy(asc(messages.createdAt), asc(messages.id));
  const files = rows.length
    ? await db
        .select({ messageId: messageAttachments.messageId, id: storedFiles.id, name: storedFiles.name, size: storedFiles.size })
        .from(messageAttachments)
        .innerJoin(storedFiles, eq(storedFiles.id, messageAttachments.fileId))
        .where(inArray(messageAttachments.messageId, rows.map((r) => r.id)))
    : [];
  const [names, handler] = await Promise.all([
    correspondents(db, me, [conversation]),
    conversation.handledBy
      ? db.select({ firstName: people.firstName, lastName: people.lastName }).from(people).where(eq(people.id, conversation.handledBy))
      : [],
  ]);
  return {
    id: conversation.id,
    subject: conversation.subject,
    inbox: conversation.inbox,
    broadcast: conversation.broadcast,
    isSender: conversation.createdBy === me,
    inboxMember: access.inboxMember,
    handledBy: handler[0] ? `${handler[0].firstName} ${handler[0].lastName}` : null,
    with: names.get(conversation.id) ?? [],
    archived: Boolean(view?.archivedAt && view.archivedAt >= conversation.lastMessageAt),
    messages: rows.map((m) => ({
      id: m.id,
      body: m.body,
      createdAt: m.createdAt,
      mine: m.authorId === me,
      privateTo: m.privateTo,
      authorId: m.authorId,
      author: m.authorFirstName ? `${m.authorFirstName} ${m.authorLastName}` : null,
      attachments: files.filter((f) => f.messageId === m.id).map(({ id, name, size }) => ({ id, name, size })),
    })),
  };
}

export const markRead = (db: Db, scope: Scope, conversationId: string) =>
  upsertOwnView(db, conversationId, scope.personId, { lastReadAt: new Date() });

export const setArchived = (db: Db, scope: Scope, conversationId: string, archived: boolean) =>
  upsertOwnView(db, conversationId, scope.personId, { archivedAt: archived ? new Date() : null });

/** Deletes the conversation for this person only: its messages so far disappear from their view, not from others'. */
export const deleteForMe = (db: Db, scope: Scope, conversationId: string) =>
  upsertOwnView(db, conversationId, scope.personId, { deletedAt: new Date(), archivedAt: null });
