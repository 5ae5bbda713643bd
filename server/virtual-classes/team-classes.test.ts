import { and, eq } from "drizzle-orm";
import { TokenVerifier } from "livekit-server-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { establishments, people, spaceMembers, spaces } from "@/drizzle/schema";
import type { Database } from "@/server/db/client";
import { onVirtualClassScheduled } from "@/server/notifications/sources";
import { can } from "@/server/policy/policy";
import { loadScope } from "@/server/policy/scope";
import { seedDemo } from "@/server/seed/demo";
import { DEMO_ACCOUNTS, DEMO_ESTABLISHMENTS } from "@/server/seed/demo-accounts";
import { DEMO_CLUB } from "@/server/seed/spaces";
import { createTestDatabase } from "@/server/testing/database";
import { eventsBetween } from "@/server/timetable/events";
import { attendanceOf } from "./attendance";
import { joinToken, startClass } from "./join";
import { schedulableTeams, scheduleClass } from "./schedule";
import { upcomingClasses } from "./upcoming";

const config = { url: "wss://video.example.org", apiKey: "APIpreau", apiSecret: "a-secret-of-at-least-thirty-two-characters" };
const verify = (jwt: string) => new TokenVerifier(config.apiKey, config.apiSecret).verify(jwt);

let database: Database;
let college: string;
let ecole: string;
let club: string;
let classSpace: string;
let ids: Record<"claire" | "emma" | "hugo" | "marc" | "julien" | "nadia" | "sophie" | "anne", string>;

const scopeOf = (personId: string, establishmentId = college) => loadScope(database.db, personId, establishmentId);
const may = async (personId: string, permission: "virtualClass.join" | "virtualClass.host" | "virtualClass.schedule", target: string) =>
  can(database.db, await scopeOf(personId, personId === ids.anne ? ecole : college), permission, target);

/**
 * The demo's Club théâtre is claire's (owner) with emma and a pupil of another class; here nadia (CPE) writes in it
 * and julien (a teacher) reads it. Hugo, emma's classmate, is not in it.
 */
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  const idOf = async (login: string) => (await database.db.select({ id: people.id }).from(people).where(eq(people.login, login)))[0].id;
  const a = DEMO_ACCOUNTS;
  const found = await Promise.all(
    [a.leadTeacher, a.student, a.classmate, a.otherTeacher, a.teacherParent, a.cpe, a.guardian, a.ecoleDirection].map((x) => idOf(x.login)),
  );
  const [claire, emma, hugo, marc, julien, nadia, sophie, anne] = found;
  ids = { claire, emma, hugo, marc, julien, nadia, sophie, anne };
  const establishmentOf = async (uai: string) => (await database.db.select({ id: establishments.id }).from(establishments).where(eq(establishments.uai, uai)))[0].id;
  college = await establishmentOf(DEMO_ESTABLISHMENTS.college.uai);
  ecole = await establishmentOf(DEMO_ESTABLISHMENTS.ecole.uai);
  [{ id: club }] = await database.db.select({ id: spaces.id }).from(spaces).where(eq(spaces.name, DEMO_CLUB));
  [{ id: classSpace }] = await database.db.select({ id: spaces.id }).from(spaces).where(and(eq(spaces.kind, "class"), eq(spaces.establishmentId, college))).limit(1);
  await database.db.insert(spaceMembers).values([
    { spaceId: club, personId: nadia, role: "contributor" },
    { spaceId: club, personId: julien, role: "reader" },
  ]);
});
afterAll(async () => {
  await database.close();
});

describe("scheduling a virtual class for a team space", () => {
  it("is for the team's teachers and staff who own it or write in it: not its readers, its pupils, outsiders, nor a class space", async () => {
    const forClub = `space/${club}`;
    expect(await may(ids.claire, "virtualClass.schedule", forClub)).toBe(true);
    expect(await may(ids.nadia, "virtualClass.schedule", forClub)).toBe(true);
    expect(await may(ids.julien, "virtualClass.schedule", forClub)).toBe(false);
    expect(await may(ids.emma, "virtualClass.schedule", forClub)).toBe(false);
    expect(await may(ids.marc, "virtualClass.schedule", forClub)).toBe(false);
    expect(await may(ids.anne, "virtualClass.schedule", forClub)).toBe(false);
    expect(await may(ids.claire, "virtualClass.schedule", `space/${classSpace}`)).toBe(false);
    expect((await schedulableTeams(database.db, await scopeOf(ids.nadia))).map((team) => team.name)).toEqual([DEMO_CLUB]);
    expect(await schedulableTeams(database.db, await scopeOf(ids.julien))).toEqual([]);
    expect(await schedulableTeams(database.db, await scopeOf(ids.emma))).toEqual([]);
  });
});

describe("a team space's virtual class", () => {
  const before = new Date("2026-12-01T08:00:00Z");
  const draft = { audience: { kind: "space" as const, id: "" }, title: "Répétition générale", on: "2026-12-10", startsAt: "13:00", endsAt: "14:00" };
  let id: string;
  beforeAll(async () => {
    ({ id } = await scheduleClass(database.db, college, ids.nadia, { ...draft, audience: { kind: "space", id: club } }, before));
  });

  it("is joined by the team's members, led by whoever scheduled it, refused to everyone else", async () => {
    for (const member of [ids.nadia, ids.claire, ids.emma, ids.julien]) expect(await may(member, "virtualClass.join", id)).toBe(true);
    for (const outsider of [ids.hugo, ids.marc, ids.sophie, ids.anne]) expect(await may(outsider, "virtualClass.join", id)).toBe(false);
    expect(await may(ids.nadia, "virtualClass.host", id)).toBe(true);
    expect(await may(ids.claire, "virtualClass.host", id)).toBe(false);
  });

  it("gives its host the room and its members the grants of pupils", async () => {
    const during = new Date("2026-12-10T12:05:00Z");
    await startClass(database.db, id, during);
    const host = await verify((await joinToken(database.db, config, id, ids.nadia, during)).token);
    expect(host.video).toMatchObject({ roomAdmin: true, canPublish: true });
    const member = await verify((await joinToken(database.db, config, id, ids.emma, during)).token);
    expect(member.video?.roomAdmin).toBeUndefined();
    expect(member.attributes).toEqual({ role: "pupil" });
  });

  it("expects its members but its host in its attendance", async () => {
    const { pupils } = await attendanceOf(database.db, id, new Date("2026-12-10T13:30:00Z"));
    expect(pupils.map((p) => p.id).sort()).toEqual([ids.claire, ids.emma, ids.julien, await otherPupilOfClub()].sort());
    expect(pupils.every((p) => p.proposed.status === "absent")).toBe(true);
  });

  it("is in its members' calendars and lists, not in others'", async () => {
    const titled = async (personId: string) =>
      (await eventsBetween(database.db, college, { personIds: [personId] }, "2026-12-10", "2026-12-10")).filter((e) => e.title === draft.title);
    expect(await titled(ids.emma)).toHaveLength(1);
    expect(await titled(ids.julien)).toHaveLength(1);
    expect(await titled(ids.hugo)).toEqual([]);
    const listed = async (personId: string) => (await upcomingClasses(database.db, await scopeOf(personId), before)).find((c) => c.href.endsWith(id));
    expect(await listed(ids.emma)).toMatchObject({ title: draft.title, audience: DEMO_CLUB, hosting: false });
    expect(await listed(ids.nadia)).toMatchObject({ hosting: true });
    expect(await listed(ids.julien)).toBeDefined();
    expect(await listed(ids.hugo)).toBeUndefined();
  });

  it("is told to its members (not its host, not families), who are sent to its room", async () => {
    const told = await onVirtualClassScheduled(database.db, { establishmentId: college, virtualClassId: id });
    expect(told.map((n) => n.personId).sort()).toEqual([ids.claire, ids.emma, ids.julien, await otherPupilOfClub()].sort());
    expect(told[0]).toMatchObject({
      kind: "virtualClass",
      source: id,
      link: `/classes-virtuelles/${id}`,
      params: { title: draft.title, audience: DEMO_CLUB, date: "2026-12-10", time: "13:00" },
    });
  });
});

async function otherPupilOfClub() {
  const members = await database.db.select({ id: spaceMembers.personId }).from(spaceMembers).where(eq(spaceMembers.spaceId, club));
  return members.map((m) => m.id).find((m) => ![ids.claire, ids.emma, ids.nadia, ids.julien].includes(m))!;
}
