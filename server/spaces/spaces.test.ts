import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classes, spaces } from "@/drizzle/schema";
import type { Database } from "@/server/db/client";
import { DEMO_ACCOUNTS, DEMO_ESTABLISHMENTS, type DemoAccountKey } from "@/server/seed/demo-accounts";
import { DEMO_CLUB, DEMO_GROUP_WORK } from "@/server/seed/spaces";
import { type Caller, callerFor } from "@/server/testing/callers";
import { createTestDatabase } from "@/server/testing/database";

const COLLEGE = DEMO_ESTABLISHMENTS.college.uai;
const text = (value: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: value }] }] });

let database: Database;
let class4eB: string;
const callerOf = (key: DemoAccountKey): Promise<Caller> => callerFor(database.db, DEMO_ACCOUNTS[key].login, COLLEGE);
const namesOf = async (key: DemoAccountKey) =>
  (await (await callerOf(key)).spaces.mine({ page: 1, sort: "name" })).spaces.map((space) => space.name);

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  const [space] = await database.db
    .select({ id: spaces.id })
    .from(spaces)
    .innerJoin(classes, eq(classes.id, spaces.classId))
    .where(and(eq(spaces.kind, "class"), eq(classes.name, "4eB")));
  class4eB = space.id;
}, 120_000);

afterAll(() => database.close());

describe("my spaces", () => {
  it("are a pupil's class space, group-work team and clubs", async () => {
    expect(await namesOf("student")).toEqual(expect.arrayContaining(["4eB", DEMO_GROUP_WORK, DEMO_CLUB]));
    expect(await namesOf("student")).not.toContain("6eA");
  });

  it("are a family's children's class spaces, and none of their teams", async () => {
    const names = await namesOf("guardian");
    expect(names).toEqual(expect.arrayContaining(["4eB", "6eA"]));
    expect(names).not.toContain(DEMO_GROUP_WORK);
    expect(names).not.toContain(DEMO_CLUB);
  });

  it("are a teacher's classes and their group-work teams, not the teams of their own children's classes", async () => {
    expect(await namesOf("teacherParent")).toEqual(expect.arrayContaining(["4eB", DEMO_GROUP_WORK]));
    const other = await namesOf("otherTeacher");
    expect(other).not.toContain("4eB");
    expect(other).not.toContain(DEMO_GROUP_WORK);
  });
});

describe("a space's stream", () => {
  it("shows families only what was posted for them", async () => {
    const claire = await callerOf("leadTeacher");
    await claire.spaces.post({ spaceId: class4eB, body: text("Pour la classe seulement"), audience: "members" });
    await claire.spaces.post({ spaceId: class4eB, body: text("Réunion parents-professeurs jeudi"), audience: "families" });
    const plain = (posts: { body: { content?: unknown[] } }[]) => posts.map((post) => JSON.stringify(post.body));
    const forFamily = plain((await (await callerOf("guardian")).spaces.posts({ spaceId: class4eB, page: 1 })).posts);
    const forPupil = plain((await (await callerOf("student")).spaces.posts({ spaceId: class4eB, page: 1 })).posts);
    expect(forFamily.some((body) => body.includes("Réunion parents-professeurs"))).toBe(true);
    expect(forFamily.some((body) => body.includes("Pour la classe seulement"))).toBe(false);
    expect(forPupil.some((body) => body.includes("Pour la classe seulement"))).toBe(true);
  });

  it("refuses posts for families outside class spaces, and markup that is not allowed rich text", async () => {
    const claire = await callerOf("leadTeacher");
    const [club] = await database.db.select({ id: spaces.id }).from(spaces).where(eq(spaces.name, DEMO_CLUB));
    await expect(claire.spaces.post({ spaceId: club.id, body: text("Répétition"), audience: "families" })).rejects.toThrow("spaces.errors.noFamilies");
    const script = { type: "doc", content: [{ type: "script", content: [{ type: "text", text: "alert(1)" }] }] };
    await expect(claire.spaces.post({ spaceId: class4eB, body: script, audience: "members" })).rejects.toThrow();
  });
});

describe("a group-work team", () => {
  it("is made of the class's pupils only, and keeps pupils of other classes out", async () => {
    const claire = await callerOf("leadTeacher");
    const emma = (await (await callerOf("student")).me.whoAmI()).person.id;
    const lucas = (await (await callerFor(database.db, DEMO_ACCOUNTS.sibling.login, COLLEGE)).me.whoAmI()).person.id;
    await expect(claire.spaces.createGroupWork({ spaceId: class4eB, name: "Mélangée", pupilIds: [emma, lucas] })).rejects.toThrow(
      "spaces.errors.notInClass",
    );
    const { id } = await claire.spaces.createGroupWork({ spaceId: class4eB, name: "Équipe A", pupilIds: [emma] });
    await expect(claire.spaces.setMember({ spaceId: id, personId: lucas, role: "contributor" })).rejects.toThrow("spaces.errors.notInClass");
    expect((await claire.spaces.members({ spaceId: id })).members.map((member) => member.id)).toEqual([emma]);
  });
});
