import { and, count, eq, getTableColumns } from "drizzle-orm";
import { getTableConfig, type PgColumn, type PgTable } from "drizzle-orm/pg-core";
import { installationAdmins, people, profiles } from "@/drizzle/schema";
import { revokeAllSessions } from "@/server/auth/sessions";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/domain-error";
import { personReferences } from "@/server/privacy/person-references";
import { assertAccountIsOurs } from "./known-elsewhere";

/**
 * Merging two accounts of one person (a guardian imported twice, a teacher created by hand then imported): every row
 * that names the duplicate (profiles, classes, children, messages, space memberships, marks...) is moved to the
 * account that survives, found from the schema's foreign keys so that a new domain's tables move too, and the
 * duplicate is removed. Where the survivor already has the same row (the same profile, the same child), theirs is kept.
 */

/** What stays with the duplicate and goes with it: its sign-ins, its scheduled erasure, installation rights, and the append-only audit log. */
const STAYS = new Set(["people", "sessions", "audit_log", "scheduled_erasures", "installation_admins"]);

interface Reference {
  table: PgTable;
  name: string;
  column: PgColumn;
}

let cached: Reference[] | undefined;
function references(): Reference[] {
  cached ??= personReferences()
    .filter(({ name }) => !STAYS.has(name))
    .flatMap(({ table, name, personColumns }) => personColumns.map((column) => ({ table, name, column })));
  return cached;
}

/** The rows that name the duplicate, table by table and column by column: what the merge moves. */
export interface MergeMove {
  table: string;
  column: string;
  rows: number;
}

async function accountOf(db: Db, establishmentId: string, personId: string) {
  const [person] = await db
    .select({ id: people.id, login: people.login, firstName: people.firstName, lastName: people.lastName, email: people.email, phone: people.phone, status: people.status })
    .from(people)
    .where(eq(people.id, personId));
  const roles = await db.select({ role: profiles.role }).from(profiles).where(and(eq(profiles.personId, personId), eq(profiles.establishmentId, establishmentId)));
  return { ...person, roles: roles.map((r) => r.role) };
}

/** A merge an establishment's administrator may make: two different accounts, neither theirs to lose nor shared with another establishment. */
async function checkMerge(db: Db, establishmentId: string, survivorId: string, duplicateId: string, actorId: string) {
  if (survivorId === duplicateId) throw new DomainError("admin.errors.mergeSame");
  if (duplicateId === actorId) throw new DomainError("admin.errors.notYourself");
  const [installationAdmin] = await db.select().from(installationAdmins).where(eq(installationAdmins.personId, duplicateId));
  if (installationAdmin) throw new DomainError("admin.errors.mergeInstallationAdmin");
  await assertAccountIsOurs(db, survivorId, establishmentId, actorId);
  await assertAccountIsOurs(db, duplicateId, establishmentId, actorId);
}

/** What merging would do, written nowhere: both accounts, and the rows that would move from the duplicate. */
export async function mergePreview(db: Db, establishmentId: string, survivorId: string, duplicateId: string, actorId: string) {
  await checkMerge(db, establishmentId, survivorId, duplicateId, actorId);
  const counted = await Promise.all(
    references().map(async ({ table, name, column }) => {
      const [{ rows }] = await db.select({ rows: count() }).from(table).where(eq(column, duplicateId));
      return { table: name, column: column.name, rows };
    }),
  );
  return {
    survivor: await accountOf(db, establishmentId, survivorId),
    duplicate: await accountOf(db, establishmentId, duplicateId),
    moves: counted.filter((move) => move.rows > 0),
  };
}

/** Merges the duplicate into the survivor in one transaction, and says what moved. */
export async function mergeAccounts(db: Db, establishmentId: string, survivorId: string, duplicateId: string, actorId: string, now = new Date()) {
  return db.transaction(async (tx) => {
    await checkMerge(tx, establishmentId, survivorId, duplicateId, actorId);
    const [survivor, duplicate] = [await accountOf(tx, establishmentId, survivorId), await accountOf(tx, establishmentId, duplicateId)];
    const moved: MergeMove[] = [];
    for (const reference of references()) {
      const rows = await moveReferences(tx, reference, duplicateId, survivorId);
      if (rows > 0) moved.push({ table: reference.name, column: reference.column.name, rows });
    }
    // contact details only the duplicate had
    const missing = { ...(!survivor.email && duplicate.email ? { email: duplicate.email } : {}), ...(!survivor.phone && duplicate.phone ? { phone: duplicate.phone } : {}) };
    if (Object.keys(missing).length) await tx.update(people).set(missing).where(eq(people.id, survivorId));
    await revokeAllSessions(tx, duplicateId, now);
    await tx.delete(people).where(eq(people.id, duplicateId));
    return { survivor, duplicate, moved };
  });
}

const isUniqueViolation = (error: unknown) => {
  const { code, cause } = error as { code?: string; cause?: { code?: string } };
  return code === "23505" || cause?.code === "23505";
};

/**
 * Points a column's references to the duplicate at the survivor: all at once, or, where the survivor already has the
 * same row (a unique key would be repeated), row by row, dropping the duplicate's copy. Savepoints keep the merge's
 * transaction usable after a refused update.
 */
async function moveReferences(tx: Db, { table, column }: Reference, from: string, to: string): Promise<number> {
  const key = Object.entries(getTableColumns(table)).find(([, c]) => c === column)![0];
  const set = { [key]: to } as never;
  try {
    return await tx.transaction(async (savepoint) => (await savepoint.update(table).set(set).where(eq(column, from)).returning({ id: column })).length);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const config = getTableConfig(table);
  const identity = config.primaryKeys[0]?.columns ?? config.columns.filter((c) => c.primary);
  const rows = (await tx.select(Object.fromEntries(identity.map((c) => [c.name, c]))).from(table).where(eq(column, from))) as Record<string, unknown>[];
  let moved = 0;
  for (const row of rows) {
    const same = and(...identity.map((c) => eq(c, row[c.name])));
    try {
      await tx.transaction((savepoint) => savepoint.update(table).set(set).where(same));
      moved += 1;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      await tx.delete(table).where(same);
    }
  }
  return moved;
}
