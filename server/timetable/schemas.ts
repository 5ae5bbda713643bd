import { z } from "zod";
import { schoolEventKind, weekPattern } from "@/drizzle/schema";
import { AUDIENCE_PROFILES } from "@/server/policy/roles";

/** The timetable router's inputs, beside the services they feed. */

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "timetable.errors.badTime" });
const day = z.iso.date();

export const byWeek = z.object({ week: day.optional() });
export const byStudent = byWeek.extend({ studentId: z.uuid() });
export const byClass = byWeek.extend({ classId: z.uuid() });
export const byGroup = byWeek.extend({ groupId: z.uuid() });
export const byTeacher = byWeek.extend({ teacherId: z.uuid() });
export const byRoom = byWeek.extend({ roomId: z.uuid() });

export const lessonFields = z
  .object({
    subjectId: z.uuid(),
    teacherIds: z.array(z.uuid()).max(4),
    classId: z.uuid().nullable(),
    groupId: z.uuid().nullable(),
    roomId: z.uuid().nullable(),
    weekday: z.number().int().min(1).max(6),
    startsAt: time,
    endsAt: time,
    weeks: z.enum(weekPattern.enumValues),
    validFrom: day,
    validUntil: day,
  })
  .refine((lesson) => (lesson.classId === null) !== (lesson.groupId === null), {
    error: "timetable.errors.classOrGroup",
    path: ["classId"],
  });

export const byLesson = z.object({ lessonId: z.uuid() });
export const lessonUpdate = lessonFields.and(byLesson);
export const lessonsOf = z.union([z.object({ classId: z.uuid() }), z.object({ groupId: z.uuid() })]);

export const byOccurrence = z.object({ lessonId: z.uuid(), plannedOn: day });
const note = z.string().trim().max(300).nullable();

export const occurrenceChange = byOccurrence.extend({
  cancelled: z.boolean(),
  substituteTeacherId: z.uuid().nullable(),
  movedToDate: day.nullable(),
  movedStartsAt: time.nullable(),
  movedEndsAt: time.nullable(),
  movedRoomId: z.uuid().nullable(),
  remote: z.boolean(),
  exam: z.boolean(),
  note,
});

export const occurrenceAnnotation = byOccurrence.extend({ remote: z.boolean(), exam: z.boolean(), note });

export const eventFields = z.object({
  kind: z.enum(schoolEventKind.enumValues),
  title: z.string().trim().min(1).max(120),
  location: z.string().trim().max(120).nullable(),
  startsOn: day,
  startsAt: time.nullable(),
  endsOn: day,
  endsAt: time.nullable(),
  wholeEstablishment: z.boolean(),
  roles: z.array(z.enum(AUDIENCE_PROFILES)).max(AUDIENCE_PROFILES.length).default([]),
  classIds: z.array(z.uuid()).max(50),
  groupIds: z.array(z.uuid()).max(50),
  personIds: z.array(z.uuid()).max(200),
});

export const byEvent = z.object({ eventId: z.uuid() });

export const bySchoolYear = z.object({ schoolYearId: z.uuid() });
/** the Monday from which the weeks alternate again, week A first */
export const alternationStart = bySchoolYear.extend({ weekA: day });
export const schoolWeekLetter = bySchoolYear.extend({ monday: day, pattern: z.enum(["A", "B"]) });

/** A timetable file as text, at most 1 MB (a whole collège is a few hundred lines). */
export const importFile = z.object({ csv: z.string().min(1).max(1_000_000), replace: z.boolean() });
