import { asc, eq } from "drizzle-orm";
import { people, spaceMembers, virtualClasses, virtualClassPresences } from "@/drizzle/schema";
import { type RollMark, saveRollCall } from "@/server/attendance/roll-call";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/domain-error";
import { audiencePupils } from "@/server/services/audiences";
import { loadSession, type Session } from "./session";

/**
 * Attendance of a virtual class, from the stays LiveKit's webhooks recorded: how long each pupil was in the room
 * during the class, and the mark that follows (present, late from the first arrival, absent when never there). The
 * teacher reviews it and confirms; for a remote lesson, the confirmed marks become that occurrence's roll call,
 * through the roll-call service itself (its absences then reach vie scolaire and the families as any roll call's).
 */
export const LATE_AFTER_MINUTES = 5;

export interface PupilAttendance {
  id: string;
  firstName: string;
  lastName: string;
  minutesPresent: number;
  firstJoinedAt: Date | null;
  proposed: RollMark;
}

interface Stay {
  personId: string;
  joinedAt: Date;
  leftAt: Date | null;
}

/** Minutes a person's stays cover within the class's span, overlapping stays (two devices) counted once. */
export function minutesWithin(stays: Stay[], span: { startsAt: Date; endsAt: Date }, now: Date): number {
  const end = Math.min(span.endsAt.getTime(), now.getTime());
  const clipped = stays
    .map((stay) => [Math.max(stay.joinedAt.getTime(), span.startsAt.getTime()), Math.min((stay.leftAt ?? now).getTime(), end)] as const)
    .filter(([from, to]) => to > from)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let reached = -Infinity;
  for (const [from, to] of clipped) {
    if (to <= reached) continue;
    total += to - Math.max(from, reached);
    reached = to;
  }
  return Math.round(total / 60_000);
}

export function proposedMark(studentId: string, stays: Stay[], session: Pick<Session, "startsAt">): RollMark {
  if (stays.length === 0) return { studentId, status: "absent" };
  const first = Math.min(...stays.map((stay) => stay.joinedAt.getTime()));
  const minutesLate = Math.floor((first - session.startsAt.getTime()) / 60_000);
  return minutesLate > LATE_AFTER_MINUTES ? { studentId, status: "late", minutesLate } : { studentId, status: "present" };
}

/** Who is expected in the class: its class's or group's pupils, or its team space's members but its host. */
async function expected(db: Db, session: Session) {
  const { kind, id } = session.audience;
  if (kind !== "space") return audiencePupils(db, kind === "class" ? { classId: id } : { groupId: id });
  const members = await db
    .select({ id: people.id, firstName: people.firstName, lastName: people.lastName })
    .from(spaceMembers)
    .innerJoin(people, eq(people.id, spaceMembers.personId))
    .where(eq(spaceMembers.spaceId, id))
    .orderBy(asc(people.lastName), asc(people.firstName));
  return members.filter((member) => !session.hostIds.includes(member.id));
}

export async function attendanceOf(db: Db, virtualClassId: string, now = new Date()) {
  const session = await loadSession(db, virtualClassId);
  const [pupils, stays] = await Promise.all([
    expected(db, session),
    db
      .select({ personId: virtualClassPresences.personId, joinedAt: virtualClassPresences.joinedAt, leftAt: virtualClassPresences.leftAt })
      .from(virtualClassPresences)
      .where(eq(virtualClassPresences.virtualClassId, virtualClassId)),
  ]);
  return {
    session,
    pupils: pupils.map((pupil): PupilAttendance => {
      const own = stays.filter((stay) => stay.personId === pupil.id);
      return {
        ...pupil,
        minutesPresent: minutesWithin(own, session, now),
        firstJoinedAt: own.length ? new Date(Math.min(...own.map((stay) => stay.joinedAt.getTime()))) : null,
        proposed: proposedMark(pupil.id, own, session),
      };
    }),
  };
}

/** The teacher confirms the marks (as proposed, or corrected): a remote lesson's roll call is saved from them. */
export async function confirmAttendance(db: Db, virtualClassId: string, confirmedBy: string, marks: RollMark[], now = new Date()) {
  const session = await loadSession(db, virtualClassId);
  if (!session.startedAt) throw new DomainError("virtualClasses.errors.neverStarted");
  const saved = session.occurrence
    ? await saveRollCall(db, { establishmentId: session.establishmentId, ...session.occurrence }, confirmedBy, marks, now)
    : { created: [], removed: 0 };
  await db.update(virtualClasses).set({ attendanceConfirmedAt: now }).where(eq(virtualClasses.id, virtualClassId));
  return saved;
}
