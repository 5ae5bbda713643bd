import path from "node:path";
import { env } from "@/server/env";
import { type Db, openDatabase, processDatabase } from "./client";

export type { Db } from "./client";

/** The database of this process, configured from the environment. */
export async function getDb(): Promise<Db> {
  const database = await processDatabase(() => {
    const settings = env();
    return openDatabase({
      url: settings.DATABASE_URL,
      dataDir: path.join(settings.PREAU_DATA_DIR, "pglite"),
    });
  });
  return database.db;
}
