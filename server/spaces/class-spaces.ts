import { and, eq, isNull, sql } from "drizzle-orm";
import { classes, spaces } from "@/drizzle/schema";
import type { Db } from "@/server/db";

/**
 * Gives every class of the establishment its class space, whichever way the class came (seed, import, by hand):
 * creates the missing ones, touches none of the others. Safe to run at any time, by several processes at once.
 */
export async function ensureClassSpaces(db: Db, establishmentId: string): Promise<void> {
  await db
    .insert(spaces)
    .select(
      db
        .select({
          id: sql<string>`gen_random_uuid()`.as("id"),
          establishmentId: classes.establishmentId,
          kind: sql<"class">`'class'::space_kind`.as("kind"),
          name: classes.name,
          description: sql<string>`''`.as("description"),
          classId: classes.id,
          parentSpaceId: sql<null>`null::uuid`.as("parent_space_id"),
          createdBy: sql<null>`null::uuid`.as("created_by"),
          createdAt: sql<Date>`now()`.as("created_at"),
          archivedAt: sql<null>`null::timestamptz`.as("archived_at"),
        })
        .from(classes)
        .leftJoin(spaces, and(eq(spaces.classId, classes.id), eq(spaces.kind, "class")))
        .where(and(eq(classes.establishmentId, establishmentId), isNull(spaces.id))),
    )
    .onConflictDoNothing();
}
