import { sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * Takes the transaction-scoped advisory locks of co-edited documents, in a fixed order as one statement, so that two
 * transactions locking some of the same documents never wait on each other in a cycle. Writes to one document are
 * serialised by it: when a snapshot records "every update up to id N", no update with a smaller id can still be in
 * flight (a sequence hands out ids before commit).
 */
export async function lockDocuments(tx: Tx, documentIds: readonly string[]): Promise<void> {
  const keys = sql.join(
    [...new Set(documentIds)].map((id) => sql`${`document:${id}`}`),
    sql`, `,
  );
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(key)) from unnest(array[${keys}]::text[]) as key order by key`);
}
