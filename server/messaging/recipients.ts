import { and, asc, ilike, or, sql } from "drizzle-orm";
import { people } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import type { Scope } from "@/server/policy/scope";
import { availableLists } from "./lists";
import { type Inbox, mayWriteToInbox, reachableCondition } from "./reach";
import { communicationRules } from "./settings";

export const RECIPIENTS_PER_PAGE = 20;

/** `%` and `_` typed by the person are letters, not wildcards. */
export const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The recipient picker: the people this person may write to whose name matches, a page at a time, with their
 * profiles here; filtered by the communication rules in SQL, so nobody else is ever listed.
 */
export async function searchRecipients(db: Db, scope: Scope, input: { query: string; page: number }) {
  const rules = await communicationRules(db, scope.establishmentId);
  const words = input.query.trim().split(/\s+/).filter(Boolean).slice(0, 4);
  const rows = await db
    .select({
      id: people.id,
      firstName: people.firstName,
      lastName: people.lastName,
      roles: sql<string[]>`array(select p.role::text from profiles p where p.person_id = people.id and p.establishment_id = ${scope.establishmentId} order by p.role)`,
    })
    .from(people)
    .where(
      and(
        reachableCondition(scope, rules),
        ...words.map((w) => or(ilike(people.firstName, likePattern(w)), ilike(people.lastName, likePattern(w)))),
      ),
    )
    .orderBy(asc(people.lastName), asc(people.firstName), asc(people.id))
    .limit(RECIPIENTS_PER_PAGE + 1)
    .offset(input.page * RECIPIENTS_PER_PAGE);
  return { people: rows.slice(0, RECIPIENTS_PER_PAGE), hasMore: rows.length > RECIPIENTS_PER_PAGE };
}

/** The shared inboxes and role-based lists this person may write to. */
export async function addressBook(db: Db, scope: Scope) {
  const rules = await communicationRules(db, scope.establishmentId);
  const inboxes = (["direction", "vie_scolaire"] as const).filter((inbox: Inbox) => mayWriteToInbox(scope, rules, inbox));
  return { inboxes, lists: await availableLists(db, scope) };
}
