import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classes, documents, establishments, people, spaces } from "@/drizzle/schema";
import type { Database } from "@/server/db/client";
import { DEMO_ACCOUNTS, DEMO_ESTABLISHMENTS, type DemoAccountKey } from "@/server/seed/demo-accounts";
import { DEMO_CLUB, DEMO_GROUP_DOCUMENT, DEMO_GROUP_WORK } from "@/server/seed/spaces";
import { ensureClassSpaces } from "@/server/spaces/class-spaces";
import { createTestDatabase } from "@/server/testing/database";
import { loadScope } from "./scope";
import { documentAccess, spaceRoleOf } from "./space-access";

let database: Database;
let collegeId: string;
const spaceIds: Record<"classSpace" | "groupWork" | "club", string> = { classSpace: "", groupWork: "", club: "" };
let documentId: string;

const scopeOf = async (key: DemoAccountKey, uai: string = DEMO_ESTABLISHMENTS.college.uai) => {
  const [person] = await database.db.select({ id: people.id }).from(people).where(eq(people.login, DEMO_ACCOUNTS[key].login));
  const [establishment] = await database.db.select({ id: establishments.id }).from(establishments).where(eq(establishments.uai, uai));
  return loadScope(database.db, person.id, establishment.id);
};
const roleOf = async (key: DemoAccountKey, space: keyof typeof spaceIds, uai?: string) =>
  spaceRoleOf(database.db, await scopeOf(key, uai), spaceIds[space]);

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  const [college] = await database.db.select().from(establishments).where(eq(establishments.uai, DEMO_ESTABLISHMENTS.college.uai));
  collegeId = college.id;
  const [classSpace] = await database.db
    .select({ id: spaces.id })
    .from(spaces)
    .innerJoin(classes, eq(classes.id, spaces.classId))
    .where(and(eq(spaces.kind, "class"), eq(classes.name, "4eB"), eq(classes.establishmentId, collegeId)));
  const named = async (name: string) => (await database.db.select().from(spaces).where(eq(spaces.name, name)))[0].id;
  Object.assign(spaceIds, { classSpace: classSpace.id, groupWork: await named(DEMO_GROUP_WORK), club: await named(DEMO_CLUB) });
  [{ id: documentId }] = await database.db.select({ id: documents.id }).from(documents).where(eq(documents.title, DEMO_GROUP_DOCUMENT));
}, 120_000);

afterAll(() => database.close());

describe("a class space", () => {
  it("exists for every class, once, however often it is ensured", async () => {
    await ensureClassSpaces(database.db, collegeId);
    const classCount = await database.db.$count(classes, eq(classes.establishmentId, collegeId));
    const spaceCount = await database.db.$count(spaces, and(eq(spaces.establishmentId, collegeId), eq(spaces.kind, "class")));
    expect(spaceCount).toBe(classCount);
  });

  it("is owned by the class's teachers and the direction, written in by its pupils, read by their families", async () => {
    expect(await roleOf("leadTeacher", "classSpace")).toBe("owner");
    expect(await roleOf("teacherParent", "classSpace")).toBe("owner");
    expect(await roleOf("direction", "classSpace")).toBe("owner");
    expect(await roleOf("student", "classSpace")).toBe("contributor");
    expect(await roleOf("guardian", "classSpace")).toBe("family");
  });

  it("is nothing to other teachers, other staff, other classes' pupils and families, or another establishment", async () => {
    for (const key of ["otherTeacher", "cpe", "secretariat", "agent", "admin", "sibling"] as const) {
      expect(await roleOf(key, "classSpace"), key).toBeNull();
    }
    expect(await roleOf("ecoleDirection", "classSpace", DEMO_ESTABLISHMENTS.ecole.uai)).toBeNull();
  });
});

describe("a group-work team and a club", () => {
  it("are their members', and a team is owned by the teachers of its class", async () => {
    expect(await roleOf("student", "groupWork")).toBe("contributor");
    expect(await roleOf("classmate", "groupWork")).toBe("contributor");
    expect(await roleOf("leadTeacher", "groupWork")).toBe("owner");
    expect(await roleOf("guardian", "groupWork")).toBeNull();
    expect(await roleOf("direction", "groupWork")).toBeNull();
    expect(await roleOf("leadTeacher", "club")).toBe("owner");
    expect(await roleOf("sibling", "club")).toBe("contributor");
    expect(await roleOf("classmate", "club")).toBeNull();
  });

  it("become read-only when archived", async () => {
    await database.db.update(spaces).set({ archivedAt: new Date() }).where(eq(spaces.id, spaceIds.club));
    expect(await roleOf("sibling", "club")).toBe("reader");
    expect(await roleOf("leadTeacher", "club")).toBe("reader");
    await database.db.update(spaces).set({ archivedAt: null }).where(eq(spaces.id, spaceIds.club));
  });
});

describe("a co-edited document", () => {
  it("is written by its space's writers and nobody else sees it", async () => {
    const access = async (key: DemoAccountKey) => documentAccess(database.db, await scopeOf(key), documentId);
    expect(await access("student")).toBe("write");
    expect(await access("leadTeacher")).toBe("write");
    expect(await access("guardian")).toBeNull();
    expect(await access("otherTeacher")).toBeNull();
    expect(await documentAccess(database.db, await scopeOf("ecoleDirection", DEMO_ESTABLISHMENTS.ecole.uai), documentId)).toBeNull();
  });
});
