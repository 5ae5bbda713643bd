import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classes, establishments, people, profiles } from "@/drizzle/schema";
import type { Database } from "@/server/db/client";
import type { Role } from "@/server/policy/roles";
import { loadScope, type Scope } from "@/server/policy/scope";
import { DEMO_ACCOUNTS, DEMO_ESTABLISHMENTS } from "@/server/seed/demo-accounts";
import { createTestDatabase } from "@/server/testing/database";
import { publishAnnouncement, seesAnnouncement } from "./announcements";
import { announcementAudience } from "./audience";

let database: Database;
let college: string;
let direction: Scope;
/** Everyone with a profile in the demo collège, with their scope there. */
let everyone: Scope[];

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  [{ id: college }] = await database.db.select({ id: establishments.id }).from(establishments).where(eq(establishments.uai, DEMO_ESTABLISHMENTS.college.uai));
  const ids = await database.db.selectDistinct({ id: profiles.personId }).from(profiles).where(eq(profiles.establishmentId, college));
  everyone = await Promise.all(ids.map(({ id }) => loadScope(database.db, id, college)));
  const [isabelle] = await database.db.select({ id: people.id }).from(people).where(eq(people.login, DEMO_ACCOUNTS.direction.login));
  direction = everyone.find((scope) => scope.personId === isabelle.id)!;
}, 120_000);
afterAll(() => database.close());

async function classIds(...names: string[]) {
  const rows = await database.db.select({ id: classes.id }).from(classes).where(and(eq(classes.establishmentId, college), inArray(classes.name, names)));
  return rows.map((row) => row.id);
}

describe("an announcement's audience", () => {
  it.each([
    { label: "the whole establishment", classes: [] as string[], roles: [] as Role[] },
    { label: "4eB's families", classes: ["4eB"], roles: ["guardian"] as Role[] },
    { label: "everyone of 4eB and 5eC", classes: ["4eB", "5eC"], roles: [] as Role[] },
    { label: "the teachers", classes: [], roles: ["teacher"] as Role[] },
    { label: "4eB's pupils and teachers", classes: ["4eB"], roles: ["student", "teacher"] as Role[] },
  ])("is who its feed shows it to: $label", async ({ classes: names, roles }) => {
    const id = await publishAnnouncement(database.db, direction, {
      title: "Essai",
      body: "…",
      classIds: await classIds(...names),
      roles,
      pinned: false,
      publishAt: new Date(Date.now() - 1000),
      expiresAt: null,
    });
    const seeing = [];
    for (const scope of everyone) if (scope.personId !== direction.personId && (await seesAnnouncement(database.db, scope, id))) seeing.push(scope.personId);
    const audience = await announcementAudience(database.db, id);
    expect(audience.length).toBeGreaterThan(0);
    expect([...audience].sort()).toEqual(seeing.sort());
  });
});
