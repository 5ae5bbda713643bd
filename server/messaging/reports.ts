import { and, desc, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { conversations, messageReports, messages, people } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import type { Scope } from "@/server/policy/scope";

/** Reports a message as abusive to the moderators (direction); reporting it again changes nothing. */
export async function reportMessage(db: Db, scope: Scope, messageId: string, reason: string) {
  await db.insert(messageReports).values({ messageId, reportedBy: scope.personId, reason }).onConflictDoNothing();
}

const reporter = alias(people, "reporter");
const author = alias(people, "author");

/** The open reports of the establishment, for its moderators: the message itself, who wrote it, who reported it and why. */
export async function openReports(db: Db, establishmentId: string) {
  return db
    .select({
      id: messageReports.id,
      reason: messageReports.reason,
      reportedAt: messageReports.createdAt,
      body: messages.body,
      sentAt: messages.createdAt,
      subject: conversations.subject,
      author: { firstName: author.firstName, lastName: author.lastName },
      reporter: { firstName: reporter.firstName, lastName: reporter.lastName },
    })
    .from(messageReports)
    .innerJoin(messages, eq(messages.id, messageReports.messageId))
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .leftJoin(author, eq(author.id, messages.authorId))
    .innerJoin(reporter, eq(reporter.id, messageReports.reportedBy))
    .where(and(eq(conversations.establishmentId, establishmentId), isNull(messageReports.closedAt)))
    .orderBy(desc(messageReports.createdAt))
    .limit(100);
}

/** Facts the access policy needs about a report: the establishment of the message it is about. */
export async function reportTarget(db: Db, reportId: string) {
  const [report] = await db
    .select({ establishmentId: conversations.establishmentId })
    .from(messageReports)
    .innerJoin(messages, eq(messages.id, messageReports.messageId))
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(eq(messageReports.id, reportId));
  return report ?? null;
}

/** A moderator closes a report (the policy checked it is of their establishment). */
export async function closeReport(db: Db, scope: Scope, reportId: string) {
  await db.update(messageReports).set({ closedAt: new Date(), closedBy: scope.personId }).where(eq(messageReports.id, reportId));
}
