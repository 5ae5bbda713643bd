import path from "node:path";
import { grantSuperAdmin } from "@/server/admin/establishments";
import { openDatabase } from "@/server/db/client";
import { migrate } from "@/server/db/migrate";
import { prepareEnvironment } from "./prepare-environment";

/**
 * `npm run admin:super -- <identifiant>`: makes an existing account a super-administrator of the installation (who
 * lists and creates establishments). Only from the server's command line, so no web account can grant it.
 */
const login = process.argv[2];
if (!login) {
  console.error("Usage: npm run admin:super -- <identifiant>");
  process.exit(1);
}
const settings = prepareEnvironment();
const database = await openDatabase({ url: settings.DATABASE_URL, dataDir: path.join(settings.PREAU_DATA_DIR, "pglite") });
try {
  await migrate(database);
  if (await grantSuperAdmin(database.db, login)) console.log(`${login} is now a super-administrator of this installation.`);
  else {
    console.error(`No account has the identifiant ${login}.`);
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
