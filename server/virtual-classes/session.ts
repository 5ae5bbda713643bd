import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { classes, people, teachingGroups, virtualClasses } from "@/drizzle/schema";
import { schoolInstant } from "@/server/calendar/days";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/domain-error";
import { occurrenceOf } from "@/server/timetable/occurrences";

/**
 * A virtual class as people meet it: its room, its title, who it is for, who leads it and when. A remote lesson's
 * virtual class reads all of this from its occurrence (so a moved lesson moves its class, a substitute leads it); a
 * scheduled one from its own row.
 */
export interface Session {
  id: string;
  establishmentId: string;
  roomName: string;
  title: string;
  audience: { kind: "class" | "group"; id: string; name: string };
  hostIds: string[];
  startsAt: Date;
  endsAt: Date;
  startedAt: Date | null;
  endedAt: Date | null;
  /** a remote lesson's occurrence: its roll call is filled from the attendance */
  occurrence: { lessonId: string; plannedOn: string } | null;
  /** the lesson is no longer remote, or was cancelled: its room does not open */
  withdrawn: boolean;
  pupils: { microphone: boolean; camera: boolean; screenShare: boolean };
  attendanceConfirmedAt: Date | null;
}

/** A room name that says nothing: 128 random bits. */
export function newRoomName(): string {
  return randomBytes(16).toString("base64url");
}

export async function loadSession(db: Db, virtualClassId: string): Promise<Session> {
  const [row] = await db.select().from(virtualClasses).where(eq(virtualClasses.id, virtualClassId));
  if (!row) throw new DomainError("virtualClasses.errors.notFound");
  const common = {
    id: row.id,
    establishmentId: row.establishmentId,
    roomName: row.roomName,
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    pupils: { microphone: row.pupilMicrophone, camera: row.pupilCamera, screenShare: row.pupilScreenShare },
    attendanceConfirmedAt: row.attendanceConfirmedAt,
  };
  if (row.lessonId && row.plannedOn) {
    const occurrence = await occurrenceOf(db, row.establishmentId, row.lessonId, row.plannedOn);
    if (!occurrence) throw new DomainError("virtualClasses.errors.notFound");
    const substitute = occurrence.change?.substitute;
    return {
      ...common,
      title: occurrence.subject.name,
      audience: occurrence.audience,
      hostIds: substitute ? [substitute.id] : occurrence.teachers.map((teacher) => teacher.id),
      startsAt: schoolInstant(occurrence.on, occurrence.startsAt),
      endsAt: schoolInstant(occurrence.on, occurrence.endsAt),
      occurrence: { lessonId: row.lessonId, plannedOn: row.plannedOn },
      withdrawn: !occurrence.change?.remote || occurrence.change.cancelled,
    };
  }
  const [audience] = row.classId
    ? await db.select({ id: classes.id, name: classes.name }).from(classes).where(eq(classes.id, row.classId))
    : await db.select({ id: teachingGroups.id, name: teachingGroups.name }).from(teachingGroups).where(eq(teachingGroups.id, row.groupId!));
  return {
    ...common,
    title: row.title ?? "",
    audience: { kind: row.classId ? "class" : "group", ...audience },
    hostIds: row.hostId ? [row.hostId] : [],
    startsAt: row.startsAt!,
    endsAt: row.endsAt!,
    occurrence: null,
    withdrawn: row.cancelledAt !== null,
  };
}

/** The names of the session's hosts, for the lobby ("waiting for Mme Moreau"). */
export async function hostNames(db: Db, session: Session): Promise<string[]> {
  const rows = await Promise.all(
    session.hostIds.map((id) => db.select({ firstName: people.firstName, lastName: people.lastName }).from(people).where(eq(people.id, id))),
  );
  return rows.flat().map((p) => `${p.firstName} ${p.lastName}`);
}
