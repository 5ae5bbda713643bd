import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classEnrolments, classes, guardianships, people } from "@/drizzle/schema";
import type { Database } from "@/server/db/client";
import { createLocalBus, type DomainEvents } from "@/server/events/bus";
import { DEMO_ACCOUNTS, DEMO_ESTABLISHMENTS } from "@/server/seed/demo-accounts";
import { type Caller, callerFor } from "@/server/testing/callers";
import { atServerTime } from "@/server/testing/clock";
import { createTestDatabase } from "@/server/testing/database";

const COLLEGE = DEMO_ESTABLISHMENTS.college.uai;
let database: Database;
let filesDir: string;
const bus = createLocalBus();
const sent: DomainEvents["message.sent"][] = [];
const ids = {} as Record<"claire" | "marc" | "hugo" | "nathalie" | "isabelle" | "nadia" | "class4eB" | "guardian5eA", string>;

const as = (key: keyof typeof DEMO_ACCOUNTS): Promise<Caller> => callerFor(database.db, DEMO_ACCOUNTS[key].login, COLLEGE, bus);
const idOf = async (login: string) => (await database.db.select({ id: people.id }).from(people).where(eq(people.login, login)))[0].id;
const refusal = (call: Promise<unknown>) =>
  call.then(
    () => "allowed",
    (error: unknown) => (error instanceof TRPCError ? (["FORBIDDEN", "UNAUTHORIZED"].includes(error.code) ? "forbidden" : error.message) : String(error)),
  );
const write = (api: Caller, to: { personIds?: string[]; listKeys?: string[]; inbox?: "direction" | "vie_scolaire" }, body = "Bonjour") =>
  api.messaging.start({ subject: "Question", body, to: { personIds: to.personIds ?? [], listKeys: to.listKeys ?? [], inbox: to.inbox ?? null }, fileIds: [] });

beforeAll(async () => {
  filesDir = await mkdtemp(path.join(os.tmpdir(), "preau-messaging-"));
  process.env.PREAU_DATA_DIR = filesDir;
  database = await createTestDatabase({ demo: true });
  bus.subscribe("message.sent", (event) => sent.push(event));
  ids.claire = await idOf(DEMO_ACCOUNTS.leadTeacher.login);
  ids.marc = await idOf(DEMO_ACCOUNTS.otherTeacher.login);
  ids.hugo = await idOf(DEMO_ACCOUNTS.classmate.login);
  ids.nathalie = await idOf(DEMO_ACCOUNTS.otherGuardian.login);
  ids.isabelle = await idOf(DEMO_ACCOUNTS.direction.login);
  ids.nadia = await idOf(DEMO_ACCOUNTS.cpe.login);
  const [c4eB] = await database.db.select({ id: classes.id }).from(classes).where(eq(classes.name, "4eB"));
  ids.class4eB = c4eB.id;
  const [other] = await database.db
    .select({ id: guardianships.guardianId })
    .from(guardianships)
    .innerJoin(classEnrolments, eq(classEnrolments.studentId, guardianships.studentId))
    .innerJoin(classes, and(eq(classes.id, classEnrolments.classId), eq(classes.name, "5eA")))
    .limit(1);
  ids.guardian5eA = other.id;
});

afterAll(async () => {
  await database.close();
  await rm(filesDir, { recursive: true, force: true });
});

describe("the communication rules", () => {
  it("let a guardian write to their children's teachers, vie scolaire and direction, and never to pupils or other families", async () => {
    const sophie = await as("guardian");
    expect(await refusal(write(sophie, { personIds: [ids.claire] }))).toBe("allowed");
    expect(await refusal(write(sophie, { personIds: [ids.nadia] }))).toBe("allowed");
    expect(await refusal(write(sophie, { inbox: "direction" }))).toBe("allowed");
    expect(await refusal(write(sophie, { personIds: [ids.hugo] }))).toBe("forbidden");
    expect(await refusal(write(sophie, { personIds: [ids.nathalie] }))).toBe("forbidden");
    expect(await refusal(write(sophie, { personIds: [ids.marc] }))).toBe("forbidden");
    expect(await refusal(write(sophie, { listKeys: [`guardians:${ids.class4eB}`] }))).toBe("forbidden");
  });

  it("decide who appears in the recipient picker, searched by name", async () => {
    const sophie = await as("guardian");
    const names = async (query: string) => (await sophie.messaging.recipients({ query, page: 0 })).people.map((p) => p.lastName);
    expect(await names("Moreau")).toContain("Moreau");
    const petits = await sophie.messaging.recipients({ query: "Petit", page: 0 });
    expect(petits.people.map((p) => p.id)).not.toContain(ids.hugo);
    expect(petits.people.map((p) => p.id)).not.toContain(ids.nathalie);
    expect(await names("Leroy")).toEqual([]);
    expect((await sophie.messaging.recipients({ query: "Moreau", page: 0 })).people.find((p) => p.id === ids.claire)?.roles).toEqual(["teacher"]);
    const emma = await as("student");
    expect(await (await emma.messaging.recipients({ query: "Petit", page: 0 })).people.map((p) => p.id)).toContain(ids.hugo);
  });

  it("are the establishment's to change: a closed way disappears from the picker and refuses the message", async () => {
    const emma = await as("student");
    expect((await emma.messaging.addressBook()).inboxes).toEqual(["vie_scolaire"]);
    expect(await refusal(write(emma, { inbox: "direction" }))).toBe("forbidden");
    const admin = await as("admin");
    const rules = await admin.messaging.rules();
    await admin.messaging.saveRules({ ...rules, studentsToDirection: true, studentsToClassmates: false });
    expect((await emma.messaging.addressBook()).inboxes).toEqual(["direction", "vie_scolaire"]);
    expect(await refusal(write(emma, { inbox: "direction" }))).toBe("allowed");
    expect((await emma.messaging.recipients({ query: "Petit", page: 0 })).people.map((p) => p.id)).not.toContain(ids.hugo);
    expect(await refusal(write(emma, { personIds: [ids.hugo] }))).toBe("forbidden");
    await admin.messaging.saveRules(rules);
  });
});

describe("the shared inbox", () => {
  it("lets any member answer, shows who handled it, and brings the answer to the family", async () => {
    const sophie = await as("guardian");
    const { conversationId } = await write(sophie, { inbox: "direction" }, "Puis-je prendre rendez-vous ?");
    expect(sent.at(-1)!.viewerIds).toContain(ids.isabelle);
    const isabelle = await as("direction");
    const listed = (await isabelle.messaging.conversations({ folder: "inbox", search: "", page: 0 })).conversations.find((c) => c.id === conversationId);
    expect(listed).toMatchObject({ inbox: "direction", unread: 1, handledBy: null });
    const before = await isabelle.messaging.unreadCount();
    await isabelle.messaging.reply({ conversationId, body: "Oui, jeudi à 17 h.", fileIds: [], privateTo: null });
    await isabelle.messaging.markRead({ conversationId });
    expect(await isabelle.messaging.unreadCount()).toBe(before - 1);
    expect(sent.at(-1)!.viewerIds).toContain(await idOf(DEMO_ACCOUNTS.guardian.login));
    const thread = await sophie.messaging.thread({ conversationId });
    expect(thread.messages.map((m) => m.body)).toEqual(["Puis-je prendre rendez-vous ?", "Oui, jeudi à 17 h."]);
    expect(thread.handledBy).toBe("Isabelle Fontaine");
    expect(await refusal((await as("cpe")).messaging.thread({ conversationId }))).toBe("forbidden");
  });
});

describe("a message to a large list", () => {
  it("lets each family answer the sender alone, and never shows the families to each other", async () => {
    const claire = await as("leadTeacher");
    const { conversationId } = await write(claire, { listKeys: [`guardians:${ids.class4eB}`] }, "Sortie au musée vendredi.");
    const sophie = await as("guardian");
    const nathalie = await as("otherGuardian");
    await sophie.messaging.reply({ conversationId, body: "Emma viendra.", fileIds: [], privateTo: null });
    expect(sent.at(-1)!.viewerIds.sort()).toEqual([await idOf(DEMO_ACCOUNTS.guardian.login), ids.claire].sort());
    const seenByNathalie = await nathalie.messaging.thread({ conversationId });
    expect(seenByNathalie.messages.map((m) => m.body)).toEqual(["Sortie au musée vendredi."]);
    expect(seenByNathalie.with).toEqual(["Claire Moreau"]);
    const seenByClaire = await claire.messaging.thread({ conversationId });
    expect(seenByClaire.messages.map((m) => m.body)).toEqual(["Sortie au musée vendredi.", "Emma viendra."]);
    expect(seenByClaire.with.length).toBeGreaterThan(2);
  });
});

describe("one's own view of the messages", () => {
  it("searches, archives and deletes for oneself only", async () => {
    const sophie = await as("guardian");
    const claire = await as("leadTeacher");
    const { conversationId } = await write(sophie, { personIds: [ids.claire] }, "Le cahier de géographie est perdu.");
    const found = await sophie.messaging.conversations({ folder: "inbox", search: "géographie", page: 0 });
    expect(found.conversations.map((c) => c.id)).toEqual([conversationId]);
    expect((await sophie.messaging.conversations({ folder: "inbox", search: "100%", page: 0 })).conversations).toEqual([]);
    await sophie.messaging.archive({ conversationId, archived: true });
    expect((await sophie.messaging.conversations({ folder: "archive", search: "", page: 0 })).conversations.map((c) => c.id)).toContain(conversationId);
    expect((await sophie.messaging.conversations({ folder: "inbox", search: "", page: 0 })).conversations.map((c) => c.id)).not.toContain(conversationId);
    await sophie.messaging.remove({ conversationId });
    expect((await sophie.messaging.thread({ conversationId })).messages).toEqual([]);
    expect((await claire.messaging.thread({ conversationId })).messages).toHaveLength(1);
    await claire.messaging.reply({ conversationId, body: "Je l'ai retrouvé.", fileIds: [], privateTo: null });
    expect((await sophie.messaging.thread({ conversationId })).messages.map((m) => m.body)).toEqual(["Je l'ai retrouvé."]);
  });

  it("carries attachments to those who see the message, and to nobody else", async () => {
    const sophie = await as("guardian");
    const file = await sophie.messaging.upload({ name: "certificat.txt", content: Buffer.from("Certificat médical\n").toString("base64") });
    const { conversationId } = await sophie.messaging.start({
      subject: "Certificat",
      body: "Ci-joint.",
      to: { personIds: [ids.nadia], listKeys: [], inbox: null },
      fileIds: [file.id],
    });
    const nadia = await as("cpe");
    expect((await nadia.messaging.thread({ conversationId })).messages[0].attachments).toEqual([{ id: file.id, name: "certificat.txt", size: 20 }]);
    expect(await nadia.messaging.attachment({ fileId: file.id })).toMatchObject({ contentType: "text/plain" });
    expect(await refusal((await as("otherGuardian")).messaging.attachment({ fileId: file.id }))).toBe("forbidden");
    const nathalie = await as("otherGuardian");
    expect(await refusal(nathalie.messaging.start({ subject: "x", body: "x", to: { personIds: [ids.nadia], listKeys: [], inbox: null }, fileIds: [file.id] }))).toBe(
      "messaging.errors.file",
    );
  });

  it("reports an abusive message to direction", async () => {
    const claire = await as("leadTeacher");
    const { conversationId } = await write(claire, { personIds: [ids.nathalie] }, "Message déplacé");
    const nathalie = await as("otherGuardian");
    const [message] = (await nathalie.messaging.thread({ conversationId })).messages;
    await nathalie.messaging.report({ messageId: message.id, reason: "Ton insultant" });
    expect(await refusal(claire.messaging.report({ messageId: message.id, reason: "le mien" }))).toBe("forbidden");
    const isabelle = await as("direction");
    const [report] = await isabelle.messaging.reports();
    expect(report).toMatchObject({ body: "Message déplacé", reason: "Ton insultant" });
    await isabelle.messaging.closeReport({ reportId: report.id });
    expect(await isabelle.messaging.reports()).toEqual([]);
  });
});

describe("the carnet de liaison", () => {
  it("asks each family of the class for a 'vu', shows its author who saw it, and reminds the others", async () => {
    const claire = await as("leadTeacher");
    const { noteId } = await claire.messaging.carnet.sendToClass({ classId: ids.class4eB, title: "Réunion parents-professeurs", body: "Mardi à 18 h." });
    const sophie = await as("guardian");
    expect((await sophie.messaging.carnet.mine({ waiting: true })).map((n) => n.id)).toContain(noteId);
    await sophie.messaging.carnet.acknowledge({ noteId });
    expect((await sophie.messaging.carnet.mine({ waiting: true })).map((n) => n.id)).not.toContain(noteId);
    const followUp = await claire.messaging.carnet.followUp({ noteId });
    const sophieCopy = followUp.copies.find((c) => c.guardian.firstName === "Sophie")!;
    expect(sophieCopy.acknowledgedAt).toBeInstanceOf(Date);
    const { reminded } = await claire.messaging.carnet.remind({ noteId });
    expect(reminded).toBe(new Set(followUp.copies.filter((c) => !c.acknowledgedAt).map((c) => c.guardianId)).size);
    expect(await refusal((await as("otherTeacher")).messaging.carnet.sendToClass({ classId: ids.class4eB, title: "x", body: "x" }))).toBe("forbidden");
    expect(await refusal((await as("otherTeacher")).messaging.carnet.followUp({ noteId }))).toBe("forbidden");
  });
});

describe("announcements", () => {
  it("targeted to 4eB's families reach them and no other family, and their author sees how many read them", async () => {
    const isabelle = await as("direction");
    const { id } = await isabelle.news.publish({ title: "Sortie des 4eB", body: "Prévoir un pique-nique.", classIds: [ids.class4eB], roles: ["guardian"] });
    const sophie = await as("guardian");
    expect((await sophie.news.feed()).map((a) => a.id)).toContain(id);
    await sophie.news.markRead({ announcementId: id });
    const other = await callerFor(database.db, (await database.db.select({ login: people.login }).from(people).where(eq(people.id, ids.guardian5eA)))[0].login, COLLEGE, bus);
    expect((await other.news.feed()).map((a) => a.id)).not.toContain(id);
    expect(await refusal(other.news.markRead({ announcementId: id }))).toBe("forbidden");
    expect((await (await as("student")).news.feed()).map((a) => a.id)).not.toContain(id);
    // julien teaches 4eB and is the father of a 5eC pupil: not one of 4eB's families
    expect((await (await as("teacherParent")).news.feed()).map((a) => a.id)).not.toContain(id);
    expect((await isabelle.news.feed()).find((a) => a.id === id)?.reads).toBe(1);
  });

  it("are read between their publication and their expiry, while their author sees them all along", async () => {
    const hours = (count: number) => new Date(Date.parse("2026-12-14T08:00:00Z") + count * 3600_000);
    const isabelle = await as("direction");
    const sophie = await as("guardian");
    const { id } = await isabelle.news.publish({
      title: "Portes ouvertes",
      body: "Samedi matin.",
      classIds: [ids.class4eB],
      roles: ["guardian"],
      publishAt: hours(1),
      expiresAt: hours(3),
    });
    const feedAt = async (api: Caller, at: Date) => (await atServerTime(at, () => api.news.feed())).map((a) => a.id);
    expect(await feedAt(sophie, hours(0))).not.toContain(id);
    expect(await refusal(atServerTime(hours(0), () => sophie.news.markRead({ announcementId: id })))).toBe("forbidden");
    expect(await feedAt(isabelle, hours(0))).toContain(id);
    expect(await feedAt(sophie, hours(2))).toContain(id);
    expect(await feedAt(sophie, hours(3))).not.toContain(id);
    expect(await refusal(atServerTime(hours(4), () => sophie.news.markRead({ announcementId: id })))).toBe("forbidden");
    expect(await feedAt(isabelle, hours(4))).toContain(id);
  });

  it("come pinned first, then the newest first", async () => {
    const isabelle = await as("direction");
    const hoursAgo = (count: number) => new Date(Date.now() - count * 3600_000);
    const publish = async (title: string, pinned: boolean, publishAt: Date) =>
      (await isabelle.news.publish({ title, body: "…", classIds: [ids.class4eB], roles: ["guardian"], pinned, publishAt })).id;
    const olderPinned = await publish("Règlement intérieur", true, hoursAgo(4));
    const older = await publish("Photo de classe", false, hoursAgo(3));
    const pinned = await publish("Grève des transports", true, hoursAgo(2));
    const newest = await publish("Menu de Noël", false, hoursAgo(1));
    const mine = new Set([olderPinned, older, pinned, newest]);
    const feed = (await (await as("guardian")).news.feed()).filter((a) => mine.has(a.id));
    expect(feed.map((a) => a.id)).toEqual([pinned, olderPinned, newest, older]);
    expect(feed.map((a) => a.pinned)).toEqual([true, true, false, false]);
  });
});

describe("canteen menus", () => {
  it("are written by the kitchen for a day and read by everyone with their allergens", async () => {
    const agent = await as("agent");
    await agent.news.saveCanteenDay({ day: "2026-11-24", courses: [{ name: "Poisson pané", allergens: ["fish", "gluten"] }, { name: "Yaourt", allergens: ["milk"] }] });
    const week = await (await as("student")).news.canteenWeek({ day: "2026-11-26" });
    expect(week.map((d) => d.day)).toEqual(["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27"]);
    expect(week[1].courses).toEqual([{ name: "Poisson pané", allergens: ["fish", "gluten"] }, { name: "Yaourt", allergens: ["milk"] }]);
    expect(await refusal((await as("leadTeacher")).news.saveCanteenDay({ day: "2026-11-24", courses: [] }))).toBe("forbidden");
    await expect(agent.news.saveCanteenDay({ day: "2026-11-24", courses: [{ name: "Tarte", allergens: ["chocolate" as "milk"] }] })).rejects.toThrow();
    await agent.news.saveCanteenDay({ day: "2026-11-24", courses: [] });
    expect((await agent.news.canteenWeek({ day: "2026-11-24" }))[1].courses).toEqual([]);
  });
});
