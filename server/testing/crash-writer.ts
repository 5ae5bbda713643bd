/**
 * Used by server/db/crash.test.ts: opens the database, commits one audit entry carrying the marker it is given,
 * says so on stdout, then keeps running until it is killed.
 */
import { auditLog } from "@/drizzle/schema";
import { openDatabase } from "@/server/db/client";
import { migrate } from "@/server/db/migrate";

const [dataDir, marker] = process.argv.slice(2);
const database = await openDatabase({ dataDir });
await migrate(database);
await database.db.insert(auditLog).values({ action: "auth.login.succeeded", login: marker });
process.stdout.write(`committed ${marker}\n`);
setInterval(() => {}, 1_000);
