import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classes, spaces } from "@/drizzle/schema";
import { DEMO_GROUP_WORK } from "@/server/seed/spaces";
import type { Database } from "@/server/db/client";
import { createLocalBus, type EventBus } from "@/server/events/bus";
import { DEMO_ACCOUNTS, DEMO_ESTABLISHMENTS } from "@/server/seed/demo-accounts";
import { documentAccess } from "@/server/policy/space-access";
import { loadScope } from "@/server/policy/scope";
import { type Caller, callerFor } from "@/server/testing/callers";
import { createTestDatabase } from "@/server/testing/database";

const COLLEGE = DEMO_ESTABLISHMENTS.college.uai;
const text = (value: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: value }] }] });
const work = { name: "copie.txt", content: Buffer.from("Ma copie\n").toString("base64") };
const DAY = 86_400_000;

let database: Database;
let bus: EventBus;
let emma: Caller;
let hugo: Caller;
let claire: Caller;
let class4eB: string;

const assign = async (dueAt: Date) =>
  (await claire.handIns.create({ spaceId: class4eB, title: "Exercice", instructions: text("Page 12"), dueAt, homeworkId: null })).id;

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  bus = createLocalBus();
  emma = await callerFor(database.db, DEMO_ACCOUNTS.student.login, COLLEGE);
  hugo = await callerFor(database.db, DEMO_ACCOUNTS.classmate.login, COLLEGE);
  claire = await callerFor(database.db, DEMO_ACCOUNTS.leadTeacher.login, COLLEGE, bus);
  const [space] = await database.db
    .select({ id: spaces.id })
    .from(spaces)
    .innerJoin(classes, eq(classes.id, spaces.classId))
    .where(and(eq(spaces.kind, "class"), eq(classes.name, "4eB")));
  class4eB = space.id;
}, 120_000);

afterAll(() => database.close());

describe("a hand-in", () => {
  it("goes from the pupil to the teacher and back with a comment and a mark, and the pupil sees the return", async () => {
    const assignmentId = await assign(new Date(Date.now() + DAY));
    const returned: unknown[] = [];
    bus.subscribe("handIn.returned", (event) => returned.push(event));
    await emma.handIns.attachFile({ assignmentId, file: work });
    await emma.handIns.submit({ assignmentId });
    const review = await claire.handIns.review({ assignmentId });
    const mine = review.find((row) => row.handIn)!.handIn!;
    expect(mine).toMatchObject({ status: "handedIn", late: false });
    expect(review.filter((row) => !row.handIn).length).toBeGreaterThan(0);
    await claire.handIns.return({ handInId: mine.id, comment: "Bonne copie", mark: 16, markOutOf: 20 });
    expect((await emma.handIns.get({ assignmentId })).handIn).toMatchObject({ status: "returned", comment: "Bonne copie", mark: 16, markOutOf: 20 });
    expect(returned).toHaveLength(1);
  });

  it("handed in after the due time is shown late, and cannot be taken back", async () => {
    const assignmentId = await assign(new Date(Date.now() - DAY));
    await hugo.handIns.attachFile({ assignmentId, file: work });
    await hugo.handIns.submit({ assignmentId });
    expect((await claire.handIns.review({ assignmentId })).find((row) => row.handIn)!.handIn).toMatchObject({ late: true });
    await expect(hugo.handIns.takeBack({ assignmentId })).rejects.toThrow("handIns.errors.pastDue");
  });

  it("is taken back before the due time to be changed, and is never empty when handed in", async () => {
    const assignmentId = await assign(new Date(Date.now() + DAY));
    await expect(emma.handIns.submit({ assignmentId })).rejects.toThrow("handIns.errors.empty");
    const { storedFileId } = await emma.handIns.attachFile({ assignmentId, file: work });
    await emma.handIns.submit({ assignmentId });
    await expect(emma.handIns.detachFile({ assignmentId, storedFileId })).rejects.toThrow("handIns.errors.notDraft");
    await emma.handIns.takeBack({ assignmentId });
    await emma.handIns.detachFile({ assignmentId, storedFileId });
    expect((await emma.handIns.get({ assignmentId })).handIn).toMatchObject({ status: "draft", files: [] });
  });

  it("has a document its pupil writes until handing it in, that the teacher then annotates, and no classmate opens", async () => {
    const assignmentId = await assign(new Date(Date.now() + DAY));
    const { documentId } = await emma.handIns.openDocument({ assignmentId });
    const scopeOf = async (caller: Caller) => {
      const { person, activeEstablishmentId } = await caller.me.whoAmI();
      return loadScope(database.db, person.id, activeEstablishmentId!);
    };
    const access = async (caller: Caller) => documentAccess(database.db, await scopeOf(caller), documentId);
    expect([await access(emma), await access(claire), await access(hugo)]).toEqual(["write", "read", null]);
    await emma.handIns.submit({ assignmentId });
    expect([await access(emma), await access(claire), await access(hugo)]).toEqual(["read", "write", null]);
  });

  it("of a team is one for the whole team: one member hands in, every member sees it, the teacher sees the team", async () => {
    const [team] = await database.db.select({ id: spaces.id }).from(spaces).where(eq(spaces.name, DEMO_GROUP_WORK));
    const { id: assignmentId } = await claire.handIns.create({
      spaceId: team.id,
      title: "Plan de l'exposé",
      instructions: text("Le plan en trois parties"),
      dueAt: new Date(Date.now() + DAY),
      homeworkId: null,
    });
    await emma.handIns.attachFile({ assignmentId, file: work });
    await emma.handIns.submit({ assignmentId });
    expect((await hugo.handIns.get({ assignmentId })).handIn).toMatchObject({ status: "handedIn", files: [{ name: "copie.txt" }] });
    const review = await claire.handIns.review({ assignmentId });
    expect(review).toHaveLength(1);
    expect(review[0].name).toContain("Emma Bernard");
    expect(review[0].handIn).toMatchObject({ status: "handedIn", late: false });
  });
});
