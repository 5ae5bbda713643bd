import { and, eq } from "drizzle-orm";
import { lessonLogs } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { isBlank, type RichDoc } from "@/server/rich-text/rich-text";
import { requireHeldOccurrence } from "./occurrence";

/** The cahier de textes entry of one occurrence, or null when nothing was written yet. */
export async function lessonLogOf(db: Db, lessonId: string, plannedOn: string) {
  const [log] = await db
    .select({ content: lessonLogs.content, updatedAt: lessonLogs.updatedAt, authorId: lessonLogs.authorId })
    .from(lessonLogs)
    .where(and(eq(lessonLogs.lessonId, lessonId), eq(lessonLogs.onDate, plannedOn)));
  return log ? { ...log, content: log.content as RichDoc } : null;
}

/**
 * Writes what was done in a lesson occurrence, replacing what was there; a blank entry removes it, so that the
 * cahier de textes never lists empty sessions.
 */
export async function saveLessonLog(
  db: Db,
  entry: { establishmentId: string; lessonId: string; plannedOn: string; authorId: string; content: RichDoc },
) {
  await requireHeldOccurrence(db, entry.establishmentId, entry.lessonId, entry.plannedOn);
  const where = and(eq(lessonLogs.lessonId, entry.lessonId), eq(lessonLogs.onDate, entry.plannedOn));
  if (isBlank(entry.content)) {
    await db.delete(lessonLogs).where(where);
    return { saved: false, updatedAt: null };
  }
  const values = { content: entry.content, authorId: entry.authorId, updatedAt: new Date() };
  const [saved] = await db
    .insert(lessonLogs)
    .values({ lessonId: entry.lessonId, onDate: entry.plannedOn, ...values })
    .onConflictDoUpdate({ target: [lessonLogs.lessonId, lessonLogs.onDate], set: values })
    .returning({ updatedAt: lessonLogs.updatedAt });
  return { saved: true, updatedAt: saved.updatedAt };
}
