import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classEnrolments, classes, homework, lessons, notifications, people, profiles, spaces } from "@/drizzle/schema";
import type { Database } from "@/server/db/client";
import type { Role } from "@/server/policy/roles";
import { createLocalBus } from "@/server/events/bus";
import { DEMO_ACCOUNTS, DEMO_ESTABLISHMENTS } from "@/server/seed/demo-accounts";
import { callerFor } from "@/server/testing/callers";
import { createTestDatabase } from "@/server/testing/database";
import { occurrencesBetween } from "@/server/timetable/occurrences";
import { notify } from "./centre";
import { kindsReceivedBy, type NotificationKind } from "./kinds";
import { deliverMail } from "./mail";
import { type Mailer, smtpMailer } from "./mailer";
import { type NotificationService, startNotifications } from "./service";

/** What the SMTP server received: the envelope's recipients and the message as sent (soft line breaks undone). */
interface Received {
  to: string[];
  raw: string;
}

const COLLEGE = DEMO_ESTABLISHMENTS.college.uai;
const received: Received[] = [];
const waiters: { match: (mail: Received) => boolean; resolve: (mail: Received) => void }[] = [];
let smtp: SMTPServer;
let smtpUrl: string;
let mailer: Mailer;
let database: Database;
let service: NotificationService;
const bus = createLocalBus();

/** Resolves with the first e-mail (already arrived or still to come) that matches. */
function mailTo(address: string, containing: string): Promise<Received> {
  const match = (mail: Received) => mail.to.includes(address) && mail.raw.includes(containing);
  const found = received.find(match);
  if (found) return Promise.resolve(found);
  return new Promise((resolve) => waiters.push({ match, resolve }));
}

const idOf = async (login: string) => (await database.db.select({ id: people.id }).from(people).where(eq(people.login, login)))[0].id;
/** A time in school time (Europe/Paris, winter: UTC+1). */
const parisTime = (day: string, hour: number) => new Date(`${day}T${String(hour - 1).padStart(2, "0")}:30:00Z`);

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const mail = { to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8").replace(/=\r\n/g, "") };
        received.push(mail);
        for (const waiter of waiters.filter((w) => w.match(mail))) waiter.resolve(mail);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  mailer = smtpMailer(smtpUrl, "Préau <no-reply@preau.test>");
  database = await createTestDatabase({ demo: true });
  service = startNotifications(database.db, bus, mailer, { timer: false });
});

afterAll(async () => {
  service.stop();
  await database.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe("notifications", () => {
  it("tell pupils and families the day before of the homework due tomorrow", async () => {
    const emmaId = await idOf(DEMO_ACCOUNTS.student.login);
    const [due] = await database.db
      .select({ dueOn: homework.dueOn })
      .from(homework)
      .innerJoin(lessons, eq(lessons.id, homework.lessonId))
      .innerJoin(classEnrolments, and(eq(classEnrolments.classId, lessons.classId), eq(classEnrolments.studentId, emmaId)))
      .orderBy(homework.dueOn)
      .limit(1);
    const emma = await callerFor(database.db, DEMO_ACCOUNTS.student.login, COLLEGE, bus);
    const homeworkOf = async () => (await emma.notifications.list({ page: 0 })).notifications.filter((n) => n.kind === "homework");
    expect(await homeworkOf()).toEqual([]);
    const dayBefore = new Date(new Date(`${due.dueOn}T12:00:00Z`).getTime() - 86_400_000).toISOString().slice(0, 10);
    await service.tick(parisTime(dayBefore, 15));
    expect(await homeworkOf()).toEqual([]);
    await service.tick(parisTime(dayBefore, 17));
    const told = await homeworkOf();
    expect(told.length).toBeGreaterThan(0);
    expect(told.every((n) => n.params.date === due.dueOn && n.params.pupil === "Emma")).toBe(true);
  });

  it("tell a new message in the centre and by an immediate e-mail through SMTP", async () => {
    const sophie = await callerFor(database.db, DEMO_ACCOUNTS.guardian.login, COLLEGE, bus);
    const claireId = await idOf(DEMO_ACCOUNTS.leadTeacher.login);
    const { conversationId } = await sophie.messaging.start({
      subject: "Devoir de français",
      body: "Emma était malade.",
      to: { personIds: [claireId], listKeys: [], inbox: null },
      fileIds: [],
    });
    await service.settled();
    const claire = await callerFor(database.db, DEMO_ACCOUNTS.leadTeacher.login, COLLEGE, bus);
    const [notification] = (await claire.notifications.list({ page: 0 })).notifications;
    expect(notification).toMatchObject({ kind: "message", link: `/messagerie/${conversationId}`, params: { author: "Sophie Bernard", subject: "Devoir de français" } });
    expect(await claire.notifications.unreadCount()).toBe(1);
    const mail = await mailTo("claire.moreau@example.org", `/messagerie/${conversationId}`);
    expect(mail.raw).toMatch(/^From: .*no-reply@preau\.test/m);
    await claire.notifications.markRead({});
    expect(await claire.notifications.unreadCount()).toBe(0);
  });

  it("tell each change of a lesson once, saying what changed: a room, then remote, then cancelled are three", async () => {
    const cpe = await callerFor(database.db, DEMO_ACCOUNTS.cpe.login, COLLEGE, bus);
    // a lesson of one of Emma's teaching groups: fewer families to e-mail than her whole class
    const week = await cpe.timetable.studentWeek({ studentId: await idOf(DEMO_ACCOUNTS.student.login), week: "2026-12-14" });
    const lesson = week.days.flatMap((day) => day.occurrences).find((o) => o.audience.kind === "group" && !o.change)!;
    const occurrence = { lessonId: lesson.lessonId, plannedOn: lesson.plannedOn };
    const unchanged = { cancelled: false, substituteTeacherId: null, movedToDate: null, movedStartsAt: null, movedEndsAt: null, movedRoomId: null, remote: false, exam: false, note: null };
    const establishmentId = (await cpe.me.whoAmI()).activeEstablishmentId!;
    const rooms = (await cpe.timetable.references()).rooms;
    const sameTime = (await occurrencesBetween(database.db, { establishmentId, roomIds: rooms.map((room) => room.id) }, lesson.on, lesson.on))
      .filter((o) => o.startsAt < lesson.endsAt && lesson.startsAt < o.endsAt);
    const spareRoom = rooms.find((room) => !sameTime.some((o) => o.room?.id === room.id))!;
    const mailsToSophie = () => received.filter((m) => m.to.includes("sophie.bernard@example.org") && m.raw.includes("/emploi-du-temps")).length;
    const mailedBefore = mailsToSophie();

    await cpe.timetable.changeOccurrence({ ...occurrence, ...unchanged, movedRoomId: spareRoom.id });
    await cpe.timetable.annotateOccurrence({ ...occurrence, remote: true, exam: false, note: null });
    await cpe.timetable.annotateOccurrence({ ...occurrence, remote: true, exam: false, note: null });
    await cpe.timetable.changeOccurrence({ ...occurrence, ...unchanged, movedRoomId: spareRoom.id, remote: true, cancelled: true });
    await service.settled();
    const toldOf = async (key: keyof typeof DEMO_ACCOUNTS) =>
      (await (await callerFor(database.db, DEMO_ACCOUNTS[key].login, COLLEGE, bus)).notifications.list({ page: 0 })).notifications
        .filter((n) => n.kind === "lesson" && n.params.date === lesson.plannedOn)
        .map((n) => n.params.change)
        .sort();
    expect(await toldOf("student")).toEqual(["cancelled", "remote", "room"]);
    expect(await toldOf("guardian")).toEqual(["cancelled", "remote", "room"]);
    expect(mailsToSophie() - mailedBefore).toBe(3);

    // two instances of the app hear the same event: one notification each, and one e-mail
    const otherInstance = createLocalBus();
    const second = startNotifications(database.db, otherInstance, smtpMailer(smtpUrl, "Préau <no-reply@preau.test>"), { timer: false });
    const event = { establishmentId, lessonId: lesson.lessonId, onDate: lesson.plannedOn, changeId: randomUUID(), changes: ["reinstated" as const] };
    await Promise.all([bus.publish("lesson.changed", event), otherInstance.publish("lesson.changed", event)]);
    await Promise.all([service.settled(), second.settled()]);
    second.stop();
    expect(await toldOf("student")).toEqual(["cancelled", "reinstated", "remote", "room"]);
    expect(await toldOf("guardian")).toEqual(["cancelled", "reinstated", "remote", "room"]);
    expect(mailsToSophie() - mailedBefore).toBe(4);
  });

  it("tell a class's pupils of a new assignment, and a pupil of their returned work", async () => {
    const [space] = await database.db
      .select({ id: spaces.id })
      .from(spaces)
      .innerJoin(classes, eq(classes.id, spaces.classId))
      .where(and(eq(spaces.kind, "class"), eq(classes.name, "4eB")));
    const claire = await callerFor(database.db, DEMO_ACCOUNTS.leadTeacher.login, COLLEGE, bus);
    const instructions = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Une page." }] }] };
    const dueAt = new Date("2030-06-14T16:00:00Z");
    const { id: assignmentId } = await claire.handIns.create({ spaceId: space.id, title: "Commentaire", instructions, dueAt, homeworkId: null });
    await service.settled();
    const forEmma = async () => (await (await callerFor(database.db, DEMO_ACCOUNTS.student.login, COLLEGE, bus)).notifications.list({ page: 0 })).notifications;
    expect((await forEmma()).find((n) => n.kind === "assignment")).toMatchObject({
      link: `/devoirs/${assignmentId}`,
      params: { title: "Commentaire", date: "2030-06-14" },
    });
    const sophie = await callerFor(database.db, DEMO_ACCOUNTS.guardian.login, COLLEGE, bus);
    expect((await sophie.notifications.list({ page: 0 })).notifications.some((n) => n.kind === "assignment")).toBe(false);

    const emmaId = await idOf(DEMO_ACCOUNTS.student.login);
    await bus.publish("handIn.returned", { establishmentId: (await forEmma())[0].establishmentId, handInId: assignmentId, assignmentId, studentIds: [emmaId] });
    await service.settled();
    expect((await forEmma()).find((n) => n.kind === "handIn")).toMatchObject({ link: `/devoirs/${assignmentId}`, params: { title: "Commentaire" } });
  });

  it("tell an announcement's readers when it is published, a scheduled one when its time comes", async () => {
    const isabelle = await callerFor(database.db, DEMO_ACCOUNTS.direction.login, COLLEGE, bus);
    const class4eB = (await isabelle.news.classes()).find((c) => c.name === "4eB")!.id;
    const told = async (login: string, title: string) =>
      (await (await callerFor(database.db, login, COLLEGE, bus)).notifications.list({ page: 0 })).notifications.some(
        (n) => n.kind === "announcement" && n.params.title === title,
      );
    await isabelle.news.publish({ title: "Sortie au musée", body: "Jeudi.", classIds: [class4eB], roles: ["guardian"] });
    await service.settled();
    expect(await told(DEMO_ACCOUNTS.guardian.login, "Sortie au musée")).toBe(true);
    expect(await told(DEMO_ACCOUNTS.student.login, "Sortie au musée")).toBe(false);

    const later = new Date(Date.now() + 3600_000);
    // (for 4eB's pupils only: every reader of an announcement to the whole collège would get an evening digest)
    await isabelle.news.publish({ title: "Photo de classe", body: "Lundi.", classIds: [class4eB], roles: ["student"], publishAt: later });
    await service.settled();
    expect(await told(DEMO_ACCOUNTS.student.login, "Photo de classe")).toBe(false);
    await service.tick(new Date(later.getTime() + 60_000));
    expect(await told(DEMO_ACCOUNTS.student.login, "Photo de classe")).toBe(true);
    expect(await told(DEMO_ACCOUNTS.guardian.login, "Photo de classe")).toBe(false);
  });

  it("gather what a person chose to read in the evening's digest", async () => {
    const sophie = await callerFor(database.db, DEMO_ACCOUNTS.guardian.login, COLLEGE, bus);
    await sophie.notifications.setPreference({ kind: "absence", mail: "digest" });
    const emmaId = await idOf(DEMO_ACCOUNTS.student.login);
    await bus.publish("absence.recorded", { establishmentId: (await sophie.me.whoAmI()).activeEstablishmentId!, absenceId: "absence-test-1", studentId: emmaId, kind: "late" });
    await service.settled();
    expect(received.some((m) => m.to.includes("sophie.bernard@example.org") && m.raw.includes("/absences"))).toBe(false);
    const [absence] = (await sophie.notifications.list({ page: 0 })).notifications.filter((n) => n.kind === "absence");
    expect(absence.params).toEqual({ pupil: "Emma", kind: "late" });
    const evening = new Date(absence.createdAt.getTime() + 24 * 3_600_000);
    evening.setUTCHours(16, 30);
    await service.tick(evening);
    const digest = await mailTo("sophie.bernard@example.org", "/absences");
    expect(digest.raw).toMatch(/^Subject: .+/m);
  });

  it("keep pupils' e-mails for the morning", async () => {
    const emmaId = await idOf(DEMO_ACCOUNTS.student.login);
    await database.db.update(people).set({ email: "emma.bernard@example.org" }).where(eq(people.id, emmaId));
    const [written] = await notify(database.db, bus, [
      { personId: emmaId, establishmentId: (await callerFor(database.db, DEMO_ACCOUNTS.student.login, COLLEGE).then((api) => api.me.whoAmI())).activeEstablishmentId!, kind: "lesson", source: "night-test", params: { pupil: "Emma", subject: "Français", date: "2026-12-01", change: "cancelled" }, link: "/emploi-du-temps" },
    ]);
    await deliverMail(database.db, mailer, parisTime("2026-12-01", 22));
    expect(received.some((m) => m.to.includes("emma.bernard@example.org"))).toBe(false);
    expect(written.emailedAt).toBeNull();
    await deliverMail(database.db, mailer, parisTime("2026-12-02", 7));
    await mailTo("emma.bernard@example.org", "/emploi-du-temps");
  });

  it("reach only the profiles their kind is offered to, and offer each person the kinds of their profiles", async () => {
    const rows = await database.db
      .select({ id: notifications.id, kind: notifications.kind, role: profiles.role })
      .from(notifications)
      .innerJoin(profiles, and(eq(profiles.personId, notifications.personId), eq(profiles.establishmentId, notifications.establishmentId)));
    const sent = new Map<string, { kind: NotificationKind; roles: Role[] }>();
    for (const row of rows) {
      const entry = sent.get(row.id) ?? { kind: row.kind, roles: [] };
      entry.roles.push(row.role);
      sent.set(row.id, entry);
    }
    const kinds = [...new Set([...sent.values()].map((n) => n.kind))];
    expect(kinds).toEqual(expect.arrayContaining(["homework", "message", "assignment", "handIn", "announcement", "lesson"]));
    for (const { kind, roles } of sent.values()) expect(kindsReceivedBy(roles)).toContain(kind);

    const offered = async (key: keyof typeof DEMO_ACCOUNTS) =>
      (await (await callerFor(database.db, DEMO_ACCOUNTS[key].login, COLLEGE)).notifications.preferences()).mail.map((p) => p.kind);
    expect(await offered("guardian")).toEqual(kindsReceivedBy(["guardian"]));
    expect(await offered("leadTeacher")).toEqual(["message", "announcement", "virtualClass"]);
    expect(await offered("teacherParent")).toEqual(kindsReceivedBy(["guardian"]));
  });
});
