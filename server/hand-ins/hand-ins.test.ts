import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classes, documents, people, spaces, teachingAssignments, teachingGroups } from "@/drizzle/schema";
import { addDays } from "@/server/calendar/days";
import { onAssignment } from "@/server/notifications/sources";
import { DEMO_GROUP_WORK } from "@/server/seed/spaces";
import type { Database } from "@/server/db/client";
import { createLocalBus, type EventBus } from "@/server/events/bus";
import { DEMO_ACCOUNTS, DEMO_ESTABLISHMENTS, DEMO_GROUP } from "@/server/seed/demo-accounts";
import { DEMO_WEEK } from "@/server/seed/timetable-changes";
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
let sophie: Caller;
let class4eB: string;
/** 4e Latin (DEMO_GROUP): emma attends it, hugo does not; its teacher teaches neither emma's class nor hugo's. */
let latin: { id: string; teacher: Caller };

const assign = async (dueAt: Date) =>
  (await claire.handIns.create({ spaceId: class4eB, title: "Exercice", instructions: text("Page 12"), dueAt, homeworkId: null })).id;

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  bus = createLocalBus();
  emma = await callerFor(database.db, DEMO_ACCOUNTS.student.login, COLLEGE);
  hugo = await callerFor(database.db, DEMO_ACCOUNTS.classmate.login, COLLEGE);
  claire = await callerFor(database.db, DEMO_ACCOUNTS.leadTeacher.login, COLLEGE, bus);
  sophie = await callerFor(database.db, DEMO_ACCOUNTS.guardian.login, COLLEGE);
  const [group] = await database.db
    .select({ id: teachingGroups.id, teacher: people.login })
    .from(teachingGroups)
    .innerJoin(teachingAssignments, eq(teachingAssignments.groupId, teachingGroups.id))
    .innerJoin(people, eq(people.id, teachingAssignments.teacherId))
    .where(eq(teachingGroups.name, DEMO_GROUP.name));
  latin = { id: group.id, teacher: await callerFor(database.db, group.teacher, COLLEGE, bus) };
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

const idOf = async (caller: Caller) => (await caller.me.whoAmI()).person.id;

describe("an assignment for a teaching group", () => {
  it("is set by the group's teacher, reaches its pupils only, and is handed in by each of them", async () => {
    expect(await latin.teacher.me.whoAmI()).toMatchObject({ person: { login: DEMO_GROUP.teacherLogin } });
    const created: { assignmentId: string; groupId?: string }[] = [];
    bus.subscribe("assignment.created", (event) => created.push(event as (typeof created)[number]));
    const { id: assignmentId } = await latin.teacher.handIns.createForGroup({
      groupId: latin.id,
      title: "Version latine",
      instructions: text("Texte 3"),
      dueAt: new Date(Date.now() + DAY),
      homeworkId: null,
    });
    await expect(claire.handIns.createForGroup({ groupId: latin.id, title: "x", instructions: text("x"), dueAt: new Date(), homeworkId: null })).rejects.toThrow();
    expect(created.at(-1)).toMatchObject({ assignmentId, groupId: latin.id });
    const told = (await onAssignment(database.db, created.at(-1) as never)).map((n) => n.personId);
    expect(told).toContain(await idOf(emma));
    expect(told).not.toContain(await idOf(hugo));

    expect((await emma.handIns.mine()).toHandIn.find((row) => row.id === assignmentId)).toMatchObject({ placeName: "4e Latin", handIn: null });
    expect((await hugo.handIns.mine()).toHandIn.some((row) => row.id === assignmentId)).toBe(false);
    await expect(hugo.handIns.get({ assignmentId })).rejects.toThrow();
    await expect(claire.handIns.review({ assignmentId })).rejects.toThrow();

    await emma.handIns.attachFile({ assignmentId, file: work });
    await emma.handIns.submit({ assignmentId });
    const review = await latin.teacher.handIns.review({ assignmentId });
    expect(review.length).toBeGreaterThan(1);
    expect(review.find((row) => row.handIn)).toMatchObject({ name: "Bernard Emma", handIn: { status: "handedIn", late: false } });
  });

  it("keeps a pupil's document in her class space, open to her and the group's teacher only", async () => {
    const { id: assignmentId } = await latin.teacher.handIns.createForGroup({
      groupId: latin.id,
      title: "Traduction",
      instructions: text("Texte 4"),
      dueAt: new Date(Date.now() + DAY),
      homeworkId: null,
    });
    const { documentId, spaceId } = await emma.handIns.openDocument({ assignmentId });
    expect(spaceId).toBe(class4eB);
    const [document] = await database.db.select({ spaceId: documents.spaceId, kind: documents.kind }).from(documents).where(eq(documents.id, documentId));
    expect(document).toEqual({ spaceId: class4eB, kind: "handIn" });
    const access = async (caller: Caller) => {
      const { person, activeEstablishmentId } = await caller.me.whoAmI();
      return documentAccess(database.db, await loadScope(database.db, person.id, activeEstablishmentId!), documentId);
    };
    expect([await access(emma), await access(latin.teacher), await access(hugo), await access(claire)]).toEqual(["write", "read", null, null]);
  });
});

describe("a corrected copy", () => {
  it("is added by the teacher to handed-in work, and downloaded by its pupil only once the work is returned", async () => {
    const assignmentId = await assign(new Date(Date.now() + DAY));
    await emma.handIns.attachFile({ assignmentId, file: work });
    await emma.handIns.submit({ assignmentId });
    const handInId = (await claire.handIns.review({ assignmentId })).find((row) => row.handIn)!.handIn!.id;
    const corrected = { name: "copie-corrigee.txt", content: Buffer.from("Copie annotée\n").toString("base64") };
    const { storedFileId } = await claire.handIns.attachCorrection({ handInId, file: corrected });
    const other = await claire.handIns.attachCorrection({ handInId, file: { ...corrected, name: "brouillon.txt" } });
    await claire.handIns.detachCorrection({ handInId, storedFileId: other.storedFileId });
    await expect(emma.handIns.attachCorrection({ handInId, file: corrected })).rejects.toThrow();
    await expect(emma.handIns.detachFile({ assignmentId, storedFileId })).rejects.toThrow();

    expect((await emma.handIns.get({ assignmentId })).handIn?.corrections).toEqual([]);
    await expect(emma.files.download({ storedFileId })).rejects.toThrow();
    expect((await claire.handIns.review({ assignmentId })).find((row) => row.handIn)!.handIn).toMatchObject({
      files: [{ name: "copie.txt" }],
      corrections: [{ name: "copie-corrigee.txt" }],
    });

    await claire.handIns.return({ handInId, comment: "Voir la copie annotée", mark: null, markOutOf: null });
    expect((await emma.handIns.get({ assignmentId })).handIn).toMatchObject({ files: [{ name: "copie.txt" }], corrections: [{ name: "copie-corrigee.txt" }] });
    expect(Buffer.from((await emma.files.download({ storedFileId })).content, "base64").toString()).toBe("Copie annotée\n");
    await expect(hugo.files.download({ storedFileId })).rejects.toThrow();
    await expect(sophie.files.download({ storedFileId })).rejects.toThrow();
  });

  it("is refused on work that was not handed in, and checked like any upload", async () => {
    const assignmentId = await assign(new Date(Date.now() + DAY));
    await emma.handIns.attachFile({ assignmentId, file: work });
    await emma.handIns.submit({ assignmentId });
    const handInId = (await claire.handIns.review({ assignmentId })).find((row) => row.handIn)!.handIn!.id;
    await expect(claire.handIns.attachCorrection({ handInId, file: { name: "x.exe", content: Buffer.from("MZ\x90\x00binary").toString("base64") } })).rejects.toThrow(
      "files.errors.type",
    );
    await emma.handIns.takeBack({ assignmentId });
    await expect(claire.handIns.attachCorrection({ handInId, file: work })).rejects.toThrow();
  });
});

describe("an assignment for a homework of the cahier de textes", () => {
  it("is set from a homework to hand in, which then links to it for its teacher and its pupils", async () => {
    const [french] = (await claire.homework.teacherWeek({ monday: DEMO_WEEK })).lessons.filter((l) => l.audience.name === "4eB" && !l.change);
    const occurrence = { lessonId: french.lessonId, plannedOn: french.plannedOn };
    const give = (handIn: boolean) =>
      claire.homework.give({ ...occurrence, dueOn: addDays(french.on, 3), instructions: text("Rédaction"), estimatedMinutes: 45, handIn });
    const { id: homeworkId } = await give(true);
    const given = async () => (await claire.homework.occurrence(occurrence)).homework.given.find((h) => h.id === homeworkId);
    expect(await given()).toMatchObject({ handIn: true, assignmentId: null });
    expect(await claire.handIns.homeworkPlace({ homeworkId })).toEqual({ spaceId: class4eB, group: null });

    const fields = { title: "Rédaction", instructions: text("Une page"), dueAt: new Date(Date.now() + 3 * DAY) };
    const { id: assignmentId } = await claire.handIns.create({ spaceId: class4eB, ...fields, homeworkId });
    expect(await given()).toMatchObject({ assignmentId });
    expect((await emma.handIns.mine()).toHandIn.find((row) => row.id === assignmentId)).toMatchObject({ homeworkId });

    const { id: notToHandIn } = await give(false);
    await expect(claire.handIns.create({ spaceId: class4eB, ...fields, homeworkId: notToHandIn })).rejects.toThrow("handIns.errors.homework");
    // Only whoever may change the homework links an assignment to it: the Latin teacher gave none of 4eB's.
    await expect(latin.teacher.handIns.createForGroup({ groupId: latin.id, ...fields, homeworkId })).rejects.toThrow("errors.forbidden");
  });
});

describe("a team's hand-in in an archived space", () => {
  it("is read by the team and its teacher, neither handed in nor returned, until the space is restored", async () => {
    const { id: spaceId } = await claire.spaces.createGroupWork({ spaceId: class4eB, name: "Équipe du journal", pupilIds: [await idOf(emma), await idOf(hugo)] });
    const { id: assignmentId } = await claire.handIns.create({ spaceId, title: "Article", instructions: text("Une colonne"), dueAt: new Date(Date.now() + DAY), homeworkId: null });
    const { storedFileId } = (await emma.handIns.attachFile({ assignmentId, file: work })) as { storedFileId: string };
    const { documentId } = await emma.handIns.openDocument({ assignmentId });
    await emma.handIns.submit({ assignmentId });
    const handInId = (await claire.handIns.review({ assignmentId }))[0].handIn!.id;
    const scopeOf = async (caller: Caller) => {
      const { person, activeEstablishmentId } = await caller.me.whoAmI();
      return loadScope(database.db, person.id, activeEstablishmentId!);
    };
    const access = async (caller: Caller) => documentAccess(database.db, await scopeOf(caller), documentId);

    await claire.spaces.archive({ spaceId });
    expect(await hugo.handIns.get({ assignmentId })).toMatchObject({ archived: true, handsIn: true, handIn: { status: "handedIn", files: [{ name: "copie.txt" }] } });
    expect((await claire.handIns.review({ assignmentId }))[0].handIn).toMatchObject({ status: "handedIn" });
    expect((await hugo.files.download({ storedFileId })).name).toBe("copie.txt");
    expect([await access(emma), await access(claire)]).toEqual(["read", "read"]);
    await expect(emma.handIns.takeBack({ assignmentId })).rejects.toThrow("errors.forbidden");
    await expect(emma.handIns.attachFile({ assignmentId, file: work })).rejects.toThrow("errors.forbidden");
    await expect(claire.handIns.return({ handInId, comment: "Bien", mark: null, markOutOf: null })).rejects.toThrow("errors.forbidden");
    await expect(claire.handIns.attachCorrection({ handInId, file: work })).rejects.toThrow("errors.forbidden");

    await claire.spaces.restore({ spaceId });
    expect([await access(emma), await access(claire)]).toEqual(["read", "write"]);
    await claire.handIns.return({ handInId, comment: "Bien", mark: null, markOutOf: null });
    expect((await emma.handIns.get({ assignmentId })).handIn).toMatchObject({ status: "returned", comment: "Bien" });
  });
});
