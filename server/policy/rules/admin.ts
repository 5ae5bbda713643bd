import { and, eq } from "drizzle-orm";
import { profiles } from "@/drizzle/schema";
import type { Rule } from "../rule";
import { hasRole } from "../scope";

/** The back office's permissions: what an establishment's administrator (ADML) does to its people. */
export type AdminPermission =
  /** see and manage a person's account: edit, disable, re-enable, reissue a code, roles, export, erase (an admin, for people of their establishment) */
  "person.administer";

export const adminRules: Record<AdminPermission, Rule> = {
  "person.administer": async (db, scope, personId) => {
    if (!hasRole(scope, "admin")) return false;
    const [row] = await db
      .select({ id: profiles.id })
      .from(profiles)
      .where(and(eq(profiles.personId, personId), eq(profiles.establishmentId, scope.establishmentId)))
      .limit(1);
    return row !== undefined;
  },
};
