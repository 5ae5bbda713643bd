import path from "node:path";
import { openDatabase } from "@/server/db/client";
import { migrate } from "@/server/db/migrate";
import { prepareEnvironment } from "./prepare-environment";

/** `npm run db:migrate`: applies pending migrations to the configured database. */
const settings = prepareEnvironment();
const database = await openDatabase({
  url: settings.DATABASE_URL,
  dataDir: path.join(settings.PREAU_DATA_DIR, "pglite"),
});
await migrate(database);
await database.close();
console.log("Migrations applied.");
