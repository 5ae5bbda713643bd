import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { classes, people, spaces, teachingGroups, virtualClasses } from "@/drizzle/schema";
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
  audience: { kind: AudienceKind; id: string; name: string };
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

/** Whom a class is for: a class, a teaching group, or a team space's members. */
export type AudienceKind = "class" | "group" | "space";

/** A scheduled class's audience, from its row. */
export function audienceOf(row: { classId: string | null; groupId: string | null; spaceId: string | null }): { kind: AudienceKind; id: string } {
  if (row.classId) return { kind: "class", id: row.classId };
  if (row.groupId) return { kind: "group", id: row.groupId };
  return { kind: "space", id: row.spaceId! };
}

async function audienceName(db: Db, audience: { kind: AudienceKind; id: string }): Promise<string> {
  const table = { class: classes, group: teachingGroups, space: spaces }[audience.kind];
  const [row] = await db.select({ name: table.name }).from(table).where(eq(table.id, audience.id));
  return row?.name ?? "";
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
  const audience = audienceOf(row);
  return {
    ...common,
    title: row.title ?? "",
    audience: { ...audience, name: await audienceName(db, audience) },
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
