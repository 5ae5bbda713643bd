import { meetingSlots, spaceMembers, spaces, virtualClasses } from "@/drizzle/schema";
import { startFakeRoomService } from "@/server/integrations/livekit/fake-room-service";
import { DEMO_ACCOUNTS } from "@/server/seed/demo-accounts";
import { annotateOccurrence } from "@/server/timetable/changes";
import { occurrencesBetween } from "@/server/timetable/occurrences";
import { newRoomName } from "@/server/virtual-classes/session";
import { caseGroup, COLLEGE, type MatrixKit, SIGNED_IN, TEACHERS } from "./kit";

const API_KEY = "APImatrix";
const API_SECRET = "the-matrix-secret-of-thirty-two-characters";
const IN_4EB = ["student", "classmate", "leadTeacher"] as const;
const MEETING = ["leadTeacher", "guardian"] as const;
/** the members of the team space "Chorale": claire owns it, nadia (CPE) and emma write in it, julien reads it */
const IN_TEAM = ["leadTeacher", "cpe", "student", "teacherParent"] as const;

/**
 * The matrix runs with LiveKit configured, pointed at a local room service (nobody may reach a real one from the
 * tests), so that what is allowed really goes through, tokens and room-service calls included.
 */
async function configureLivekit() {
  const fake = await startFakeRoomService(API_KEY, API_SECRET);
  Object.assign(process.env, { LIVEKIT_URL: fake.url, LIVEKIT_API_KEY: API_KEY, LIVEKIT_API_SECRET: API_SECRET });
  return fake;
}

/** A remote French lesson of claire's in 4eB, on a week no other case changes. */
async function remoteLesson(kit: MatrixKit, college: string, claire: string) {
  const week = await occurrencesBetween(kit.db, { establishmentId: college, teacherIds: [claire] }, "2027-03-15", "2027-03-19");
  const lesson = week.find((o) => o.audience.name === "4eB" && !o.change);
  if (!lesson) throw new Error("claire teaches 4eB in March");
  await annotateOccurrence(kit.db, college, claire, lesson, { remote: true, exam: false, note: null });
  return { lessonId: lesson.lessonId, plannedOn: lesson.plannedOn };
}

/** A team space of the matrix's own, and its members with their roles. */
async function teamSpace(kit: MatrixKit, college: string, members: [string, "owner" | "contributor" | "reader"][]) {
  const [team] = await kit.db.insert(spaces).values({ establishmentId: college, kind: "team", name: "Chorale" }).returning({ id: spaces.id });
  await kit.db.insert(spaceMembers).values(members.map(([personId, role]) => ({ spaceId: team.id, personId, role })));
  return team.id;
}

/** Classes virtuelles: rooms, tokens, the teacher's controls, attendance, and parent–teacher meetings. */
export const virtualClassesCases = caseGroup({
  domain: "virtualClasses",
  setup: async (kit) => {
    const fake = await configureLivekit();
    const [college, claire, emma, hugo, sophie, nadia, julien, class4eB] = await Promise.all([
      kit.establishmentId(COLLEGE),
      kit.idOf(DEMO_ACCOUNTS.leadTeacher.login),
      kit.idOf(DEMO_ACCOUNTS.student.login),
      kit.idOf(DEMO_ACCOUNTS.classmate.login),
      kit.idOf(DEMO_ACCOUNTS.guardian.login),
      kit.idOf(DEMO_ACCOUNTS.cpe.login),
      kit.idOf(DEMO_ACCOUNTS.teacherParent.login),
      kit.classId(COLLEGE, "4eB"),
    ]);
    const team = await teamSpace(kit, college, [[claire, "owner"], [nadia, "contributor"], [emma, "contributor"], [julien, "reader"]]);
    const now = Date.now();
    /** a class going on now and started: claire's for 4eB, or nadia's for the team; emma is in its room, and whoever else is named */
    const liveClass = async (audience: { classId: string } | { spaceId: string } = { classId: class4eB }, alsoInRoom: string[] = []) => {
      const host = "spaceId" in audience ? nadia : claire;
      const [row] = await kit.db
        .insert(virtualClasses)
        .values({
          establishmentId: college,
          roomName: newRoomName(),
          ...audience,
          title: "Matrice",
          hostId: host,
          startsAt: new Date(now - 5 * 60_000),
          endsAt: new Date(now + 3600_000),
          startedAt: new Date(now - 4 * 60_000),
        })
        .returning({ id: virtualClasses.id, roomName: virtualClasses.roomName });
      fake.participants.set(row.roomName, [
        { identity: emma, attributes: { role: "pupil" }, tracks: [{ sid: "TR_mic", source: "MICROPHONE" }] },
        ...alsoInRoom.map((identity) => ({ identity, attributes: { role: identity === host ? "host" : "pupil" } })),
      ]);
      return row.id;
    };
    /** a class claire scheduled for 4eB next March, not begun: hers to move or call off */
    const futureClass = async () => {
      const [row] = await kit.db
        .insert(virtualClasses)
        .values({
          establishmentId: college,
          roomName: newRoomName(),
          classId: class4eB,
          title: "Révisions",
          hostId: claire,
          startsAt: new Date("2027-03-16T09:00:00Z"),
          endsAt: new Date("2027-03-16T10:00:00Z"),
        })
        .returning({ id: virtualClasses.id });
      return row.id;
    };
    let slots = 0;
    /** a slot of claire's of its own: free in the future, or booked by sophie for emma (now, when `now` is set) */
    const slot = async (booking: "free" | "booked" | "now") => {
      const startsAt = booking === "now" ? new Date(now - 2 * 60_000 + slots++ * 1000) : new Date(Date.UTC(2027, 1, 1, 7) + slots++ * 15 * 60_000);
      const booked = booking === "free" ? {} : { guardianId: sophie, studentId: emma, bookedAt: new Date(now) };
      const [row] = await kit.db
        .insert(meetingSlots)
        .values({ establishmentId: college, teacherId: claire, startsAt, minutes: 15, roomName: newRoomName(), ...booked })
        .returning({ id: meetingSlots.id });
      return row.id;
    };
    return {
      occurrence: await remoteLesson(kit, college, claire),
      live: await liveClass(),
      liveClass,
      everyoneIn4eB: await liveClass({ classId: class4eB }, [claire, hugo]),
      team,
      liveTeam: await liveClass({ spaceId: team }),
      futureClass,
      meetingNow: await slot("now"),
      slot,
      emma,
      class4eB,
    };
  },
  cases: [
    { procedure: "virtualClasses.configured", label: "", allowed: SIGNED_IN, call: (api) => api.virtualClasses.configured() },
    { procedure: "virtualClasses.upcoming", label: "", allowed: SIGNED_IN, call: (api) => api.virtualClasses.upcoming() },
    { procedure: "virtualClasses.teams", label: "", allowed: SIGNED_IN, call: (api) => api.virtualClasses.teams() },
    { procedure: "virtualClasses.ofOccurrence", label: "of claire's remote lesson in 4eB", allowed: IN_4EB,
      call: (api, t) => api.virtualClasses.ofOccurrence(t.occurrence) },
    { procedure: "virtualClasses.room", label: "of claire's class for 4eB", allowed: IN_4EB, call: (api, t) => api.virtualClasses.room({ id: t.live }) },
    { procedure: "virtualClasses.token", label: "of claire's class for 4eB, going on", allowed: IN_4EB,
      call: (api, t) => api.virtualClasses.token({ id: t.live }) },
    { procedure: "virtualClasses.room", label: "of nadia's class for a team space", allowed: IN_TEAM,
      call: (api, t) => api.virtualClasses.room({ id: t.liveTeam }) },
    { procedure: "virtualClasses.token", label: "of nadia's class for a team space, going on, with a hand raised before a reload", allowed: IN_TEAM,
      call: (api, t) => api.virtualClasses.token({ id: t.liveTeam, handRaisedAt: new Date(Date.now() - 60_000).toISOString() }) },
    { procedure: "virtualClasses.hand", label: "one's own, in claire's class for 4eB", allowed: IN_4EB,
      call: (api, t) => api.virtualClasses.hand({ id: t.everyoneIn4eB, raised: true }) },
    { procedure: "virtualClasses.lowerHand", label: "emma's, in claire's class for 4eB", allowed: ["leadTeacher"],
      call: (api, t) => api.virtualClasses.lowerHand({ id: t.everyoneIn4eB, personId: t.emma }) },
    { procedure: "virtualClasses.lowerHand", label: "emma's, in nadia's class for a team space", allowed: ["cpe"],
      call: (api, t) => api.virtualClasses.lowerHand({ id: t.liveTeam, personId: t.emma }) },
    { procedure: "virtualClasses.start", label: "claire's class", allowed: ["leadTeacher"], call: (api, t) => api.virtualClasses.start({ id: t.live }) },
    { procedure: "virtualClasses.setPermissions", label: "of claire's class", allowed: ["leadTeacher"],
      call: (api, t) => api.virtualClasses.setPermissions({ id: t.live, pupils: { microphone: true, camera: true, screenShare: false } }) },
    { procedure: "virtualClasses.allowScreenShare", label: "to emma in claire's class", allowed: ["leadTeacher"],
      call: (api, t) => api.virtualClasses.allowScreenShare({ id: t.live, personId: t.emma, allowed: true }) },
    { procedure: "virtualClasses.mute", label: "emma in claire's class", allowed: ["leadTeacher"],
      call: (api, t) => api.virtualClasses.mute({ id: t.live, personId: t.emma }) },
    { procedure: "virtualClasses.remove", label: "emma from claire's class", allowed: ["leadTeacher"],
      call: (api, t) => api.virtualClasses.remove({ id: t.live, personId: t.emma }) },
    { procedure: "virtualClasses.end", label: "a class of claire's", allowed: ["leadTeacher"],
      call: async (api, t) => api.virtualClasses.end({ id: await t.liveClass() }) },
    { procedure: "virtualClasses.attendance", label: "of claire's class", allowed: ["leadTeacher"],
      call: (api, t) => api.virtualClasses.attendance({ id: t.live }) },
    { procedure: "virtualClasses.confirmAttendance", label: "of claire's class", allowed: ["leadTeacher"],
      call: (api, t) => api.virtualClasses.confirmAttendance({ id: t.live, marks: [] }) },
    { procedure: "virtualClasses.schedule", label: "for 4eB", allowed: ["leadTeacher", "teacherParent"],
      call: (api, t) => api.virtualClasses.schedule({ audience: { kind: "class", id: t.class4eB }, title: "Révisions", on: "2027-03-16", startsAt: "10:00", endsAt: "11:00" }) },
    { procedure: "virtualClasses.schedule", label: "for a team space (its owner and writers who teach or work there)", allowed: ["leadTeacher", "cpe"],
      call: (api, t) => api.virtualClasses.schedule({ audience: { kind: "space", id: t.team }, title: "Répétition", on: "2027-03-16", startsAt: "13:00", endsAt: "14:00" }) },
    { procedure: "virtualClasses.reschedule", label: "a class claire scheduled for 4eB", allowed: ["leadTeacher"],
      call: async (api, t) =>
        api.virtualClasses.reschedule({ id: await t.futureClass(), title: "Révisions du brevet", on: "2027-03-17", startsAt: "14:00", endsAt: "15:00" }) },
    { procedure: "virtualClasses.cancel", label: "a class claire scheduled for 4eB", allowed: ["leadTeacher"],
      call: async (api, t) => api.virtualClasses.cancel({ id: await t.futureClass() }) },
    { procedure: "virtualClasses.switchWeek", label: "of 4eB", allowed: ["direction", "cpe", "leadTeacher", "teacherParent"],
      call: (api, t) => api.virtualClasses.switchWeek({ classId: t.class4eB, week: "2027-05-10" }) },
    { procedure: "virtualClasses.mySlots", label: "", allowed: TEACHERS, call: (api) => api.virtualClasses.mySlots() },
    { procedure: "virtualClasses.publishSlots", label: "", allowed: TEACHERS,
      call: (api) => api.virtualClasses.publishSlots({ on: "2027-02-08", from: "17:00", to: "17:30", minutes: 15 }) },
    { procedure: "virtualClasses.withdrawSlot", label: "of claire's", allowed: ["leadTeacher"],
      call: async (api, t) => api.virtualClasses.withdrawSlot({ slotId: await t.slot("free") }) },
    { procedure: "virtualClasses.bookableSlots", label: "", allowed: ["guardian", "otherGuardian", "teacherParent"],
      call: (api) => api.virtualClasses.bookableSlots() },
    { procedure: "virtualClasses.book", label: "claire's slot, about emma", allowed: ["guardian"],
      call: async (api, t) => api.virtualClasses.book({ slotId: await t.slot("free"), studentId: t.emma }) },
    { procedure: "virtualClasses.cancelBooking", label: "of sophie's meeting with claire", allowed: MEETING,
      call: async (api, t) => api.virtualClasses.cancelBooking({ slotId: await t.slot("booked") }) },
    { procedure: "virtualClasses.meeting", label: "sophie's with claire", allowed: MEETING,
      call: (api, t) => api.virtualClasses.meeting({ slotId: t.meetingNow }) },
    { procedure: "virtualClasses.meetingToken", label: "sophie's with claire, now", allowed: MEETING,
      call: (api, t) => api.virtualClasses.meetingToken({ slotId: t.meetingNow }) },
  ],
});
