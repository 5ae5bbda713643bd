import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { AccessToken, TokenVerifier } from "livekit-server-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { absences, establishments, meetingSlots, people, virtualClasses } from "@/drizzle/schema";
import { rollCallSheet } from "@/server/attendance/roll-call";
import { schoolInstant } from "@/server/calendar/days";
import type { Database } from "@/server/db/client";
import { type FakeRoomService, startFakeRoomService } from "@/server/integrations/livekit/fake-room-service";
import { roomControls } from "@/server/integrations/livekit/room-service";
import { can } from "@/server/policy/policy";
import { loadScope } from "@/server/policy/scope";
import { DEMO_ACCOUNTS, DEMO_ESTABLISHMENTS } from "@/server/seed/demo-accounts";
import { createTestDatabase } from "@/server/testing/database";
import { annotateOccurrence } from "@/server/timetable/changes";
import { eventsBetween } from "@/server/timetable/events";
import { type Occurrence, occurrencesBetween } from "@/server/timetable/occurrences";
import { attendanceOf, confirmAttendance, minutesWithin } from "./attendance";
import { allowScreenShare, endClass, muteParticipant, removeParticipant, setHand, setPupilPermissions } from "./controls";
import { joinToken, startClass } from "./join";
import { bookSlot, meetingToken, publishSlots } from "./meetings";
import { cancelClass, rescheduleClass, scheduleClass, virtualClassOfOccurrence } from "./schedule";
import { upcomingClasses } from "./upcoming";
import { ForgedWebhook, receiveWebhook } from "./webhook";
import { POST as webhookEndpoint } from "@/app/api/livekit/webhook/route";
import { createLocalBus } from "@/server/events/bus";
import { onVirtualClassScheduled } from "@/server/notifications/sources";
import { ScopeCache } from "@/server/policy/scope-cache";

const config = { url: "", apiKey: "APIpreau", apiSecret: "a-secret-of-at-least-thirty-two-characters" };
const verify = (jwt: string) => new TokenVerifier(config.apiKey, config.apiSecret).verify(jwt);
const minutes = (at: Date, count: number) => new Date(at.getTime() + count * 60_000);

let database: Database;
let fake: FakeRoomService;
let college: string;
let ids: Record<"claire" | "emma" | "hugo" | "lucas" | "marc" | "sophie" | "nathalie" | "chloe", string>;
/** claire's French lesson in 4eB on the Monday after the Toussaint holidays, switched to remote */
let lesson: Occurrence;
let startsAt: Date;
let endsAt: Date;

const scopeOf = (personId: string, establishmentId = college) => loadScope(database.db, personId, establishmentId);
const roomOf = async (id: string) =>
  (await database.db.select({ room: virtualClasses.roomName }).from(virtualClasses).where(eq(virtualClasses.id, id)))[0].room;

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  fake = await startFakeRoomService(config.apiKey, config.apiSecret);
  config.url = fake.url;
  const idOf = async (login: string) => (await database.db.select({ id: people.id }).from(people).where(eq(people.login, login)))[0].id;
  const a = DEMO_ACCOUNTS;
  const [claire, emma, hugo, lucas, marc, sophie, nathalie, chloe] = await Promise.all(
    [a.leadTeacher, a.student, a.classmate, a.sibling, a.otherTeacher, a.guardian, a.otherGuardian, a.ecoleStudent].map((x) => idOf(x.login)),
  );
  ids = { claire, emma, hugo, lucas, marc, sophie, nathalie, chloe };
  [{ id: college }] = await database.db.select({ id: establishments.id }).from(establishments).where(eq(establishments.uai, DEMO_ESTABLISHMENTS.college.uai));
  const week = await occurrencesBetween(database.db, { establishmentId: college, teacherIds: [claire] }, "2026-11-02", "2026-11-06");
  const found = week.find((o) => o.audience.name === "4eB" && !o.change);
  if (!found) throw new Error("claire teaches 4eB after Toussaint in the demo school");
  await annotateOccurrence(database.db, college, claire, found, { remote: true, exam: false, note: null });
  lesson = found;
  startsAt = schoolInstant(found.on, found.startsAt);
  endsAt = schoolInstant(found.on, found.endsAt);
});
afterAll(async () => {
  await fake?.close();
  await database.close();
});

describe("a remote lesson's virtual class", () => {
  let id: string;
  beforeAll(async () => {
    id = await virtualClassOfOccurrence(database.db, college, lesson.lessonId, lesson.plannedOn);
  });

  it("is one per occurrence, in a room whose name says nothing of the class", async () => {
    expect(await virtualClassOfOccurrence(database.db, college, lesson.lessonId, lesson.plannedOn)).toBe(id);
    const room = await roomOf(id);
    expect(room).toMatch(/^[\w-]{22}$/);
    expect(room).not.toContain("4eB");
  });

  it("is joined by its teacher and the pupils of its class, by nobody else (other classes, establishments, families)", async () => {
    const allowed = async (personId: string, establishmentId = college) =>
      can(database.db, await scopeOf(personId, establishmentId), "virtualClass.join", id);
    expect(await allowed(ids.claire)).toBe(true);
    expect(await allowed(ids.emma)).toBe(true);
    expect(await allowed(ids.hugo)).toBe(true);
    expect(await allowed(ids.lucas)).toBe(false);
    expect(await allowed(ids.marc)).toBe(false);
    expect(await allowed(ids.sophie)).toBe(false);
    const [{ id: ecole }] = await database.db.select({ id: establishments.id }).from(establishments).where(eq(establishments.uai, DEMO_ESTABLISHMENTS.ecole.uai));
    expect(await allowed(ids.chloe, ecole)).toBe(false);
    expect(await can(database.db, await scopeOf(ids.claire), "virtualClass.host", id)).toBe(true);
    expect(await can(database.db, await scopeOf(ids.emma), "virtualClass.host", id)).toBe(false);
  });

  it("opens a few minutes before the lesson: no token earlier, the teacher's then, the pupils' once started", async () => {
    await expect(joinToken(database.db, config, id, ids.emma, minutes(startsAt, -60))).rejects.toThrow("virtualClasses.errors.tooEarly");
    await expect(joinToken(database.db, config, id, ids.claire, minutes(startsAt, -11))).rejects.toThrow("virtualClasses.errors.tooEarly");
    await expect(joinToken(database.db, config, id, ids.emma, minutes(startsAt, -5))).rejects.toThrow("virtualClasses.errors.notStarted");

    const host = await joinToken(database.db, config, id, ids.claire, minutes(startsAt, -5));
    const hostClaims = await verify(host.token);
    expect(hostClaims.sub).toBe(ids.claire);
    expect(hostClaims.name).toBe("Claire Moreau");
    expect(hostClaims.video).toMatchObject({ room: await roomOf(id), roomJoin: true, roomAdmin: true, canPublish: true });

    await startClass(database.db, id, minutes(startsAt, -4));
    const pupil = await verify((await joinToken(database.db, config, id, ids.emma, minutes(startsAt, 1))).token);
    expect(pupil.sub).toBe(ids.emma);
    expect(pupil.video).toMatchObject({ room: await roomOf(id), canSubscribe: true, canPublishSources: ["microphone", "camera"] });
    expect(pupil.video?.roomAdmin).toBeUndefined();
    await expect(joinToken(database.db, config, id, ids.emma, endsAt)).rejects.toThrow("virtualClasses.errors.ended");
  });

  it("gives pupils what the teacher allows, at once for those in the room and in later tokens", async () => {
    fake.calls.length = 0;
    const room = await roomOf(id);
    fake.participants.set(room, [
      { identity: ids.claire, attributes: { role: "host" } },
      { identity: ids.emma, attributes: { role: "pupil" }, tracks: [{ sid: "TR_mic", source: "MICROPHONE" }, { sid: "TR_cam", source: "CAMERA" }] },
    ]);
    const during = minutes(startsAt, 10);
    await setPupilPermissions(database.db, roomControls(config), id, { microphone: false, camera: true, screenShare: false }, during);
    expect(fake.calls.map((c) => c.method)).toEqual(["ListParticipants", "UpdateParticipant"]);
    expect(fake.calls[1].body).toMatchObject({ room, identity: ids.emma, permission: { canPublish: true, canPublishSources: ["CAMERA"] } });
    expect(fake.calls.every((c) => c.grant.roomAdmin === true && c.grant.room === room)).toBe(true);
    const later = await verify((await joinToken(database.db, config, id, ids.hugo, during)).token);
    expect(later.video?.canPublishSources).toEqual(["camera"]);
  });

  it("lets the teacher mute a pupil, let them share their screen, and remove them, through the room service", async () => {
    fake.calls.length = 0;
    const room = await roomOf(id);
    const during = minutes(startsAt, 12);
    const controls = roomControls(config);
    await muteParticipant(database.db, controls, id, ids.emma, during);
    await allowScreenShare(database.db, controls, id, ids.emma, true, during);
    await removeParticipant(database.db, controls, id, ids.emma, during);
    await expect(removeParticipant(database.db, controls, id, ids.claire, during)).rejects.toThrow("virtualClasses.errors.notAPupil");
    expect(fake.calls.map((c) => [c.method, c.body])).toEqual([
      ["GetParticipant", { room, identity: ids.emma }],
      ["MutePublishedTrack", { room, identity: ids.emma, trackSid: "TR_mic", muted: true }],
      ["UpdateParticipant", expect.objectContaining({ room, identity: ids.emma, permission: expect.objectContaining({ canPublishSources: ["CAMERA", "SCREEN_SHARE", "SCREEN_SHARE_AUDIO"] }) })],
      ["RemoveParticipant", { room, identity: ids.emma }],
    ]);
  });

  it("keeps raised hands as participants' attributes in the room: set by the server, lowered by the host, in order", async () => {
    fake.calls.length = 0;
    const room = await roomOf(id);
    fake.participants.set(room, [
      { identity: ids.claire, attributes: { role: "host" } },
      { identity: ids.emma, attributes: { role: "pupil" } },
      { identity: ids.hugo, attributes: { role: "pupil" } },
    ]);
    const controls = roomControls(config);
    await expect(setHand(database.db, controls, id, ids.emma, true, minutes(startsAt, -20))).rejects.toThrow("virtualClasses.errors.notLive");
    const [first, second] = [minutes(startsAt, 14), minutes(startsAt, 15)];
    expect(await setHand(database.db, controls, id, ids.hugo, true, first)).toEqual({ raisedAt: first.toISOString() });
    await setHand(database.db, controls, id, ids.emma, true, second);
    const hands = () => new Map(fake.participants.get(room)!.map((p) => [p.identity, p.attributes]));
    expect(hands().get(ids.hugo)).toEqual({ role: "pupil", hand: first.toISOString() });
    expect(hands().get(ids.emma)).toEqual({ role: "pupil", hand: second.toISOString() });
    // the host gives hugo the floor: his hand goes down, emma's stays, nobody's role changes
    await setHand(database.db, controls, id, ids.hugo, false, minutes(startsAt, 16));
    expect(hands().get(ids.hugo)).toEqual({ role: "pupil" });
    expect(hands().get(ids.emma)).toEqual({ role: "pupil", hand: second.toISOString() });
    expect(fake.calls.map((c) => [c.method, c.body])).toEqual([
      ["UpdateParticipant", { room, identity: ids.hugo, attributes: { hand: first.toISOString() } }],
      ["UpdateParticipant", { room, identity: ids.emma, attributes: { hand: second.toISOString() } }],
      ["UpdateParticipant", { room, identity: ids.hugo, attributes: { hand: "" } }],
    ]);
    expect(fake.calls.every((c) => c.grant.roomAdmin === true && c.grant.room === room)).toBe(true);
  });

  it("gives a person coming back (a reloaded page) their raised hand in their token, if it was raised during the class", async () => {
    const now = minutes(startsAt, 20);
    const attributesWith = async (handRaisedAt?: Date) => (await verify((await joinToken(database.db, config, id, ids.emma, now, handRaisedAt)).token)).attributes;
    const raised = minutes(startsAt, 15);
    expect(await attributesWith(raised)).toEqual({ role: "pupil", hand: raised.toISOString() });
    expect(await attributesWith()).toEqual({ role: "pupil" });
    expect(await attributesWith(minutes(now, 1))).toEqual({ role: "pupil" });
    expect(await attributesWith(minutes(startsAt, -60))).toEqual({ role: "pupil" });
    const { video } = await verify((await joinToken(database.db, config, id, ids.emma, now, raised)).token);
    expect(video?.canUpdateOwnMetadata).toBe(false);
  });
});

/** A webhook as LiveKit sends it: the body, and a JWT signed with the API key whose sha256 claim is the body's hash. */
async function signedWebhook(body: object, secret = config.apiSecret) {
  const text = JSON.stringify(body);
  const token = new AccessToken(config.apiKey, secret, { ttl: "5m" });
  token.sha256 = createHash("sha256").update(text).digest("base64");
  return { text, authorization: await token.toJwt() };
}

describe("attendance from LiveKit's webhooks", () => {
  let id: string;
  let room: string;
  let sequence = 0;
  const event = (kind: string, personId: string | null, at: Date) => ({
    id: `EV_${++sequence}`,
    event: kind,
    createdAt: String(Math.floor(at.getTime() / 1000)),
    room: { sid: "RM_1", name: room },
    ...(personId ? { participant: { sid: `PA_${personId.slice(0, 8)}`, identity: personId } } : {}),
  });
  const deliver = async (body: object) => {
    const { text, authorization } = await signedWebhook(body);
    return receiveWebhook(database.db, config, text, authorization);
  };

  beforeAll(async () => {
    id = await virtualClassOfOccurrence(database.db, college, lesson.lessonId, lesson.plannedOn);
    room = await roomOf(id);
  });

  it("refuses forged ones: unsigned, signed with another secret, or a body changed after signing", async () => {
    const body = event("participant_joined", ids.emma, startsAt);
    const other = await signedWebhook(body, "another-secret-of-at-least-thirty-two-chars");
    await expect(receiveWebhook(database.db, config, other.text, other.authorization)).rejects.toThrow(ForgedWebhook);
    await expect(receiveWebhook(database.db, config, JSON.stringify(body), null)).rejects.toThrow(ForgedWebhook);
    const genuine = await signedWebhook(body);
    const tampered = genuine.text.replace(ids.emma, ids.hugo);
    await expect(receiveWebhook(database.db, config, tampered, genuine.authorization)).rejects.toThrow(ForgedWebhook);
    expect((await attendanceOf(database.db, id, endsAt)).pupils.every((p) => p.firstJoinedAt === null)).toBe(true);
  });

  it("applies genuine ones once: a replay changes nothing", async () => {
    const joined = await signedWebhook(event("participant_joined", ids.emma, minutes(startsAt, -2)));
    expect(await receiveWebhook(database.db, config, joined.text, joined.authorization)).toBe("applied");
    expect(await receiveWebhook(database.db, config, joined.text, joined.authorization)).toBe("replayed");
    expect(await deliver(event("participant_joined", "not-a-person", startsAt))).toBe("ignored");
    expect(await deliver({ ...event("participant_joined", ids.emma, startsAt), room: { sid: "RM_2", name: "another-room" } })).toBe("ignored");
  });

  it("counts each pupil's minutes in the class, and proposes present, late or absent", async () => {
    await deliver(event("participant_left", ids.emma, minutes(startsAt, 20)));
    await deliver(event("participant_joined", ids.emma, minutes(startsAt, 30)));
    await deliver(event("participant_joined", ids.hugo, minutes(startsAt, 12)));
    await deliver(event("room_finished", null, endsAt));
    const length = (endsAt.getTime() - startsAt.getTime()) / 60_000;
    const { pupils } = await attendanceOf(database.db, id, minutes(endsAt, 60));
    const emma = pupils.find((p) => p.id === ids.emma)!;
    const hugo = pupils.find((p) => p.id === ids.hugo)!;
    expect(emma.minutesPresent).toBe(20 + (length - 30));
    expect(emma.proposed).toEqual({ studentId: ids.emma, status: "present" });
    expect(hugo.minutesPresent).toBe(length - 12);
    expect(hugo.proposed).toEqual({ studentId: ids.hugo, status: "late", minutesLate: 12 });
    expect(pupils.filter((p) => p.proposed.status === "absent").length).toBe(pupils.length - 2);
  });

  it("fills the lesson's roll call through the roll-call service once the teacher confirms", async () => {
    const after = minutes(endsAt, 60);
    const { pupils } = await attendanceOf(database.db, id, after);
    await confirmAttendance(database.db, id, ids.claire, pupils.map((p) => p.proposed), after);
    const sheet = await rollCallSheet(database.db, { establishmentId: college, lessonId: lesson.lessonId, plannedOn: lesson.plannedOn }, after);
    expect(sheet.taken?.by).toBe("Claire Moreau");
    const markOf = (studentId: string) => sheet.pupils.find((p) => p.id === studentId)?.mark;
    expect(markOf(ids.emma)).toEqual({ status: "present" });
    expect(markOf(ids.hugo)).toEqual({ status: "late", minutesLate: 12 });
    const recorded = await database.db
      .select({ kind: absences.kind })
      .from(absences)
      .where(and(eq(absences.lessonId, lesson.lessonId), eq(absences.lessonDate, lesson.plannedOn)));
    expect(recorded.filter((r) => r.kind === "absence").length).toBe(pupils.length - 2);
  });

  it("counts overlapping stays once and only within the class", () => {
    const span = { startsAt: new Date("2026-11-02T08:00:00Z"), endsAt: new Date("2026-11-02T09:00:00Z") };
    const at = (m: number) => minutes(span.startsAt, m);
    const stays = [
      { personId: "p", joinedAt: at(-10), leftAt: at(10) },
      { personId: "p", joinedAt: at(5), leftAt: at(20) },
      { personId: "p", joinedAt: at(50), leftAt: null },
    ];
    expect(minutesWithin(stays, span, at(120))).toBe(20 + 10);
    expect(minutesWithin(stays, span, at(55))).toBe(20 + 5);
  });
});

describe("the webhook endpoint", () => {
  const post = (text: string, authorization?: string) =>
    webhookEndpoint(new Request("http://localhost/api/livekit/webhook", { method: "POST", body: text, headers: authorization ? { authorization } : {} }));
  const runtimeKey = Symbol.for("preau.runtime");

  beforeAll(() => {
    // the route reads the process's runtime: this test's database
    (globalThis as Record<symbol, unknown>)[runtimeKey] = Promise.resolve({ db: database.db, bus: createLocalBus(), scopes: new ScopeCache() });
  });
  afterAll(() => {
    delete (globalThis as Record<symbol, unknown>)[runtimeKey];
    for (const name of ["LIVEKIT_URL", "LIVEKIT_API_KEY", "LIVEKIT_API_SECRET"]) delete process.env[name];
  });

  it("is absent while video is not configured", async () => {
    expect((await post("{}")).status).toBe(404);
  });

  it("answers 401 to a forged webhook, 200 to a genuine one, once applied and then as a replay", async () => {
    Object.assign(process.env, { LIVEKIT_URL: fake.url, LIVEKIT_API_KEY: config.apiKey, LIVEKIT_API_SECRET: config.apiSecret });
    const id = await virtualClassOfOccurrence(database.db, college, lesson.lessonId, lesson.plannedOn);
    const body = { id: "EV_endpoint", event: "participant_joined", createdAt: String(Math.floor(startsAt.getTime() / 1000)), room: { name: await roomOf(id) }, participant: { identity: ids.lucas } };
    const genuine = await signedWebhook(body);
    const forged = await signedWebhook(body, "another-secret-of-at-least-thirty-two-chars");
    expect((await post(forged.text, forged.authorization)).status).toBe(401);
    expect((await post(genuine.text)).status).toBe(401);
    const first = await post(genuine.text, genuine.authorization);
    expect([first.status, await first.text()]).toEqual([200, "applied"]);
    const again = await post(genuine.text, genuine.authorization);
    expect([again.status, await again.text()]).toEqual([200, "replayed"]);
  });
});

describe("ending a class", () => {
  it("closes the room for everyone and lets nobody in again", async () => {
    const id = await virtualClassOfOccurrence(database.db, college, lesson.lessonId, lesson.plannedOn);
    fake.calls.length = 0;
    await endClass(database.db, roomControls(config), id, minutes(startsAt, 40));
    expect(fake.calls.map((c) => [c.method, c.body])).toEqual([["DeleteRoom", { room: await roomOf(id) }]]);
    await expect(joinToken(database.db, config, id, ids.claire, minutes(startsAt, 41))).rejects.toThrow("virtualClasses.errors.ended");
  });
});

describe("a scheduled virtual class", () => {
  it("is in the calendar of its class, so that pupils and families see it in their week", async () => {
    const draft = { audience: { kind: "class" as const, id: lesson.audience.id }, title: "Révisions du brevet", on: "2026-12-09", startsAt: "14:00", endsAt: "15:00" };
    await expect(scheduleClass(database.db, college, ids.claire, { ...draft, endsAt: "13:00" })).rejects.toThrow("virtualClasses.errors.endsBeforeStart");
    const { id } = await scheduleClass(database.db, college, ids.claire, draft, new Date("2026-12-01T08:00:00Z"));
    expect(await can(database.db, await scopeOf(ids.emma), "virtualClass.join", id)).toBe(true);
    const events = await eventsBetween(database.db, college, { classIds: [lesson.audience.id] }, "2026-12-09", "2026-12-09");
    expect(events.find((e) => e.title === "Révisions du brevet")).toMatchObject({ startsAt: schoolInstant("2026-12-09", "14:00"), location: "Classe virtuelle (Préau › Classes virtuelles)" });
    // its pupils are told and sent to its room; their families, who do not attend, to the week where it shows
    const told = new Map((await onVirtualClassScheduled(database.db, { establishmentId: college, virtualClassId: id })).map((n) => [n.personId, n]));
    expect(told.get(ids.emma)).toMatchObject({ kind: "virtualClass", link: `/classes-virtuelles/${id}`, params: { date: "2026-12-09", time: "14:00" } });
    expect(told.get(ids.sophie)).toMatchObject({ kind: "virtualClass", link: "/emploi-du-temps" });
    expect(told.has(ids.claire)).toBe(false);
    expect(told.has(ids.lucas)).toBe(false);
  });
});

describe("changing a scheduled virtual class", () => {
  const before = new Date("2026-12-01T08:00:00Z");
  const titled = async (title: string, on: string) =>
    (await eventsBetween(database.db, college, { classIds: [lesson.audience.id] }, on, on)).filter((e) => e.title === title);

  it("moves it with its calendar event, then calls it off: out of the calendar and of the list, its room closed", async () => {
    const draft = { audience: { kind: "class" as const, id: lesson.audience.id }, title: "Soutien", on: "2026-12-10", startsAt: "16:00", endsAt: "17:00" };
    const { id } = await scheduleClass(database.db, college, ids.claire, draft, before);

    await rescheduleClass(database.db, id, { title: "Soutien en maths", on: "2026-12-11", startsAt: "15:00", endsAt: "16:00" }, before);
    expect(await titled("Soutien", "2026-12-10")).toEqual([]);
    expect(await titled("Soutien en maths", "2026-12-11")).toMatchObject([{ startsAt: schoolInstant("2026-12-11", "15:00"), endsAt: schoolInstant("2026-12-11", "16:00") }]);
    const listed = (await upcomingClasses(database.db, await scopeOf(ids.emma), before)).find((c) => c.href.endsWith(id));
    expect(listed).toMatchObject({ title: "Soutien en maths", scheduled: { id, on: "2026-12-11", startsAt: "15:00", endsAt: "16:00", changeable: true } });
    await expect(rescheduleClass(database.db, id, { ...draft, endsAt: "15:00" }, before)).rejects.toThrow("virtualClasses.errors.endsBeforeStart");

    await cancelClass(database.db, id, before);
    expect(await titled("Soutien en maths", "2026-12-11")).toEqual([]);
    expect((await upcomingClasses(database.db, await scopeOf(ids.emma), before)).some((c) => c.href.endsWith(id))).toBe(false);
    await expect(joinToken(database.db, config, id, ids.claire, new Date("2026-12-11T14:00:00Z"))).rejects.toThrow();
    await expect(rescheduleClass(database.db, id, draft, before)).rejects.toThrow("virtualClasses.errors.cancelled");
  });

  it("leaves a class that began, or a remote lesson's, as it is", async () => {
    const draft = { audience: { kind: "class" as const, id: lesson.audience.id }, title: "Oral blanc", on: "2026-12-12", startsAt: "09:00", endsAt: "10:00" };
    const { id } = await scheduleClass(database.db, college, ids.claire, draft, before);
    await database.db.update(virtualClasses).set({ startedAt: before }).where(eq(virtualClasses.id, id));
    await expect(cancelClass(database.db, id, before)).rejects.toThrow("virtualClasses.errors.alreadyHeld");
    const remote = await virtualClassOfOccurrence(database.db, college, lesson.lessonId, lesson.plannedOn);
    await expect(cancelClass(database.db, remote, before)).rejects.toThrow("virtualClasses.errors.notScheduled");
  });
});

describe("parent–teacher meetings", () => {
  const on = "2026-12-07";
  it("are booked by a guardian of a pupil the teacher teaches, first come first served, and joined by those two only", async () => {
    const published = await publishSlots(database.db, college, ids.claire, { on, from: "17:00", to: "18:00", minutes: 15 }, new Date("2026-12-01T12:00:00Z"));
    expect(published.created).toBe(4);
    const [slot] = await database.db
      .select()
      .from(meetingSlots)
      .where(and(eq(meetingSlots.teacherId, ids.claire), eq(meetingSlots.startsAt, schoolInstant(on, "17:00"))));
    const sophie = await scopeOf(ids.sophie);
    const nathalie = await scopeOf(ids.nathalie);
    expect(await can(database.db, sophie, "meetingSlot.book", `${slot.id}/${ids.emma}`)).toBe(true);
    expect(await can(database.db, sophie, "meetingSlot.book", `${slot.id}/${ids.hugo}`)).toBe(false);
    const before = new Date("2026-12-02T12:00:00Z");
    await bookSlot(database.db, sophie, slot.id, ids.emma, before);
    await expect(bookSlot(database.db, nathalie, slot.id, ids.hugo, before)).rejects.toThrow("virtualClasses.errors.slotTaken");
    expect(await can(database.db, sophie, "meetingSlot.join", slot.id)).toBe(true);
    expect(await can(database.db, nathalie, "meetingSlot.join", slot.id)).toBe(false);
    expect(await can(database.db, await scopeOf(ids.emma), "meetingSlot.join", slot.id)).toBe(false);

    await expect(meetingToken(database.db, config, slot.id, ids.sophie, minutes(slot.startsAt, -30))).rejects.toThrow("virtualClasses.errors.tooEarly");
    const { token } = await meetingToken(database.db, config, slot.id, ids.sophie, minutes(slot.startsAt, 1));
    const claims = await verify(token);
    expect(claims.sub).toBe(ids.sophie);
    expect(claims.video).toMatchObject({ room: slot.roomName, roomJoin: true, canPublish: true });
    expect(claims.video?.roomAdmin).toBeUndefined();
    await expect(meetingToken(database.db, config, slot.id, ids.sophie, minutes(slot.startsAt, 15))).rejects.toThrow("virtualClasses.errors.ended");
  });
});
