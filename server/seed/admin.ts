import { grantSuperAdmin } from "@/server/admin/establishments";
import type { Db } from "@/server/db";
import { DEMO_ACCOUNTS } from "./demo-accounts";

/** The demo installation's super-administrator is the demo ADML, so that the establishments page can be tried. */
export async function seedDemoAdministration(db: Db): Promise<void> {
  await grantSuperAdmin(db, DEMO_ACCOUNTS.admin.login);
}
