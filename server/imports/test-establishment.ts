import { readFileSync } from "node:fs";
import { establishments, people, profiles, schoolYears } from "@/drizzle/schema";
import type { Db } from "@/server/db";

/** An empty establishment with its school year and one administrator, as a super-admin creates it: the tests' starting point. */
export async function emptyEstablishment(db: Db, uai = "0699990X") {
  const [establishment] = await db.insert(establishments).values({ uai, name: "Collège des Tests", kind: "college", city: "Lyon" }).returning();
  const [year] = await db
    .insert(schoolYears)
    .values({ establishmentId: establishment.id, label: "2026-2027", startsOn: "2026-09-01", endsOn: "2027-07-04" })
    .returning();
  const [admin] = await db
    .insert(people)
    .values({ login: `admin.${uai.toLowerCase()}`, firstName: "Ada", lastName: "Admin", status: "active" })
    .returning();
  await db.insert(profiles).values({ personId: admin.id, establishmentId: establishment.id, role: "admin" });
  return { establishment, year, admin };
}

/** A fixture of `server/imports/fixtures`, as the bytes a browser uploads, base64-encoded. */
export function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url)).toString("base64");
}
