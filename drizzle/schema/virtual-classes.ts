import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { classes, teachingGroups } from "./classes";
import { establishments } from "./establishments";
import { people } from "./people";
import { spaces } from "./spaces";
import { lessons, schoolEvents } from "./timetable";

/**
 * A virtual class (classe virtuelle): one LiveKit room for a remote lesson occurrence, or for a class, a group or a
 * team space at a time a teacher (or, for a team, a staff member) chose. A remote lesson's virtual class is named by its occurrence (lesson, planned day) and takes its
 * times and audience from the timetable; a scheduled one carries its own. The room name is random: it says nothing of
 * the class, the subject or the school.
 */
export const virtualClasses = pgTable(
  "virtual_classes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    establishmentId: uuid("establishment_id")
      .notNull()
      .references(() => establishments.id, { onDelete: "cascade" }),
    roomName: text("room_name").notNull().unique(),
    /** a remote lesson occurrence: the lesson and the day it was planned on */
    lessonId: uuid("lesson_id").references(() => lessons.id, { onDelete: "cascade" }),
    plannedOn: date("planned_on"),
    /** a scheduled class: its audience, title, host and times */
    classId: uuid("class_id").references(() => classes.id, { onDelete: "cascade" }),
    groupId: uuid("group_id").references(() => teachingGroups.id, { onDelete: "cascade" }),
    /** a team space (espace d'équipe): its members are the audience */
    spaceId: uuid("space_id").references(() => spaces.id, { onDelete: "cascade" }),
    title: text("title"),
    hostId: uuid("host_id").references(() => people.id, { onDelete: "set null" }),
    startsAt: timestamp("starts_at", { withTimezone: true }),
    endsAt: timestamp("ends_at", { withTimezone: true }),
    /** the teacher opened the room: pupils leave the lobby */
    startedAt: timestamp("started_at", { withTimezone: true }),
    /** the teacher ended it for everyone */
    endedAt: timestamp("ended_at", { withTimezone: true }),
    /** what pupils may publish, as the teacher set it */
    pupilMicrophone: boolean("pupil_microphone").notNull().default(true),
    pupilCamera: boolean("pupil_camera").notNull().default(true),
    pupilScreenShare: boolean("pupil_screen_share").notNull().default(false),
    /** a scheduled class's event in its audience's calendar, kept in step when the class is moved or cancelled */
    eventId: uuid("event_id").references(() => schoolEvents.id, { onDelete: "set null" }),
    /** the teacher called the scheduled class off before it took place */
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    /** the teacher confirmed the attendance computed from the room's webhooks */
    attendanceConfirmedAt: timestamp("attendance_confirmed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique().on(t.lessonId, t.plannedOn),
    check(
      "virtual_classes_occurrence_or_scheduled",
      sql`(${t.lessonId} is not null and ${t.plannedOn} is not null and ${t.startsAt} is null and num_nonnulls(${t.classId}, ${t.groupId}, ${t.spaceId}) = 0)
        or (${t.lessonId} is null and ${t.plannedOn} is null and ${t.startsAt} is not null and ${t.endsAt} > ${t.startsAt} and num_nonnulls(${t.classId}, ${t.groupId}, ${t.spaceId}) = 1)`,
    ),
    index("virtual_classes_establishment_idx").on(t.establishmentId, t.startsAt),
    index("virtual_classes_space_idx").on(t.spaceId),
  ],
);

/** One stay of a person in a virtual class's room, from LiveKit's participant_joined to participant_left. */
export const virtualClassPresences = pgTable(
  "virtual_class_presences",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    virtualClassId: uuid("virtual_class_id")
      .notNull()
      .references(() => virtualClasses.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull(),
    leftAt: timestamp("left_at", { withTimezone: true }),
  },
  (t) => [index("virtual_class_presences_class_idx").on(t.virtualClassId, t.personId)],
);

/** The ids of LiveKit webhook events already applied: a replayed event is refused. Old ids are pruned. */
export const livekitWebhookEvents = pgTable("livekit_webhook_events", {
  id: text("id").primaryKey(),
  receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A parent–teacher meeting slot (rendez-vous parents–professeur) by video: the teacher publishes it, a guardian books
 * it for one of their children the teacher teaches, and both join its private room at that time.
 */
export const meetingSlots = pgTable(
  "meeting_slots",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    establishmentId: uuid("establishment_id")
      .notNull()
      .references(() => establishments.id, { onDelete: "cascade" }),
    teacherId: uuid("teacher_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    minutes: integer("minutes").notNull(),
    roomName: text("room_name").notNull().unique(),
    guardianId: uuid("guardian_id").references(() => people.id, { onDelete: "set null" }),
    studentId: uuid("student_id").references(() => people.id, { onDelete: "set null" }),
    bookedAt: timestamp("booked_at", { withTimezone: true }),
  },
  (t) => [
    unique().on(t.teacherId, t.startsAt),
    check("meeting_slots_minutes", sql`${t.minutes} between 5 and 60`),
    index("meeting_slots_establishment_idx").on(t.establishmentId, t.startsAt),
  ],
);
