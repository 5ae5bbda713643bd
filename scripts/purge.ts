import path from "node:path";
import { openDatabase } from "@/server/db/client";
import { migrate } from "@/server/db/migrate";
import { purge } from "@/server/privacy/purge";
import { prepareEnvironment } from "./prepare-environment";

/**
 * `npm run purge`: applies the retention rules once (leavers erased three months after they left, audit entries
 * older than their establishment's retention) and says what it deleted. `npm start` runs the same purge on an
 * interval; with the embedded PGlite database, run this script only while Préau is stopped (one process per folder).
 */
const settings = prepareEnvironment();
const database = await openDatabase({ url: settings.DATABASE_URL, dataDir: path.join(settings.PREAU_DATA_DIR, "pglite") });
try {
  await migrate(database);
  const report = await purge(database.db);
  console.log(`Purge: ${report.erasedPeople} leavers erased, ${report.auditEntries} audit entries deleted.`);
} finally {
  await database.close();
}
