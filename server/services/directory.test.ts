import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/server/db/client";
import { DEMO_ACCOUNTS, DEMO_ESTABLISHMENTS } from "@/server/seed/demo-accounts";
import { callerFor } from "@/server/testing/callers";
import { createTestDatabase } from "@/server/testing/database";

/** What each profile sees in lists: filtered by their scope in SQL, never more than their role needs. */
const COLLEGE = DEMO_ESTABLISHMENTS.college.uai;
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
});
afterAll(() => database.close());

const classNames = async (login: string, uai: string = COLLEGE) =>
  (await (await callerFor(database.db, login, uai)).directory.classes()).map((c) => c.name).sort();

describe("directory.classes", () => {
  it("shows a pupil only their class", async () => {
    expect(await classNames(DEMO_ACCOUNTS.student.login)).toEqual(["4eB"]);
  });

  it("shows a guardian only their children's classes in this establishment", async () => {
    expect(await classNames(DEMO_ACCOUNTS.guardian.login)).toEqual(["4eB", "6eA"]);
    expect(await classNames(DEMO_ACCOUNTS.guardian.login, DEMO_ESTABLISHMENTS.ecole.uai)).toEqual(["CE2"]);
  });

  it("shows teachers and direction every class of their establishment, and no other", async () => {
    const all = await classNames(DEMO_ACCOUNTS.direction.login);
    expect(all).toHaveLength(16);
    expect(await classNames(DEMO_ACCOUNTS.otherTeacher.login)).toEqual(all);
    expect(all).not.toContain("CE2");
  });

  it("shows an agent nothing", async () => {
    expect(await classNames(DEMO_ACCOUNTS.agent.login)).toEqual([]);
  });
});

describe("me", () => {
  it("lists a guardian's children of the active establishment with their class", async () => {
    const api = await callerFor(database.db, DEMO_ACCOUNTS.guardian.login, COLLEGE);
    const children = await api.me.children();
    expect(children.map((c) => `${c.firstName} ${c.className}`).sort()).toEqual(["Emma 4eB", "Lucas 6eA"]);
  });

  it("tells a teacher-parent both profiles and what they teach", async () => {
    const api = await callerFor(database.db, DEMO_ACCOUNTS.teacherParent.login, COLLEGE);
    const me = await api.me.whoAmI();
    expect(me.establishments[0].roles.sort()).toEqual(["guardian", "teacher"]);
    const { taught } = await api.me.classes();
    expect(taught.some((a) => a.className === "6eA")).toBe(true);
    expect(await api.me.children()).toHaveLength(1);
  });

  it("lists every establishment where the person holds a profile", async () => {
    const api = await callerFor(database.db, DEMO_ACCOUNTS.guardian.login, COLLEGE);
    const me = await api.me.whoAmI();
    expect(me.establishments.map((e) => e.uai).sort()).toEqual(
      [DEMO_ESTABLISHMENTS.college.uai, DEMO_ESTABLISHMENTS.ecole.uai].sort(),
    );
  });
});

describe("directory.studentCard", () => {
  it("gives a guardian their child's class, groups and both guardians", async () => {
    const api = await callerFor(database.db, DEMO_ACCOUNTS.guardian.login, COLLEGE);
    const [emma] = (await api.me.children()).filter((c) => c.firstName === "Emma");
    const card = await api.directory.studentCard({ studentId: emma.id });
    expect(card.class?.name).toBe("4eB");
    expect(card.guardians.map((g) => g.firstName).sort()).toEqual(["Sophie", "Thomas"]);
  });
});
