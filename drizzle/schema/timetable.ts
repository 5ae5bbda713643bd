import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  time,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { classes, subjects, teachingGroups } from "./classes";
import { establishments, schoolYears } from "./establishments";
import { people, role } from "./people";

/** A room (salle) of the establishment. */
export const rooms = pgTable(
  "rooms",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    establishmentId: uuid("establishment_id")
      .notNull()
      .references(() => establishments.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
  },
  (t) => [unique().on(t.establishmentId, t.name)],
);

/** Which weeks a lesson takes place: every week, or only week A or week B (semaine A / semaine B). */
export const weekPattern = pgEnum("week_pattern", ["every", "A", "B"]);

/** Whether a school week is a week A or a week B; the school decides, holidays do not count. */
export const schoolWeeks = pgTable(
  "school_weeks",
  {
    schoolYearId: uuid("school_year_id")
      .notNull()
      .references(() => schoolYears.id, { onDelete: "cascade" }),
    /** the Monday that starts the week */
    monday: date("monday").notNull(),
    pattern: weekPattern("pattern").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolYearId, t.monday] }),
    check("school_weeks_a_or_b", sql`${t.pattern} <> 'every'`),
  ],
);

/**
 * A weekly recurring lesson (cours) of the timetable: a subject taught to a class or a group, on a weekday, at fixed
 * times, in a room, every week or on week A or B only, between two dates. Its teachers are in lesson_teachers.
 */
export const lessons = pgTable(
  "lessons",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    establishmentId: uuid("establishment_id")
      .notNull()
      .references(() => establishments.id, { onDelete: "cascade" }),
    schoolYearId: uuid("school_year_id")
      .notNull()
      .references(() => schoolYears.id, { onDelete: "cascade" }),
    subjectId: uuid("subject_id")
      .notNull()
      .references(() => subjects.id, { onDelete: "cascade" }),
    classId: uuid("class_id").references(() => classes.id, { onDelete: "cascade" }),
    groupId: uuid("group_id").references(() => teachingGroups.id, { onDelete: "cascade" }),
    roomId: uuid("room_id").references(() => rooms.id, { onDelete: "set null" }),
    /** ISO weekday: 1 Monday … 6 Saturday */
    weekday: smallint("weekday").notNull(),
    startsAt: time("starts_at").notNull(),
    endsAt: time("ends_at").notNull(),
    weeks: weekPattern("weeks").notNull().default("every"),
    /** the lesson runs from this date until that one, both included (a timetable can change at a period's end) */
    validFrom: date("valid_from").notNull(),
    validUntil: date("valid_until").notNull(),
  },
  (t) => [
    check("lessons_one_audience", sql`(${t.classId} is null) <> (${t.groupId} is null)`),
    check("lessons_weekday", sql`${t.weekday} between 1 and 6`),
    check("lessons_times", sql`${t.startsAt} < ${t.endsAt}`),
    check("lessons_validity", sql`${t.validFrom} <= ${t.validUntil}`),
    index("lessons_establishment_idx").on(t.establishmentId, t.weekday),
    index("lessons_class_idx").on(t.classId),
    index("lessons_group_idx").on(t.groupId),
    index("lessons_room_idx").on(t.roomId),
  ],
);

/** The teachers of a lesson: usually one, two when co-taught. */
export const lessonTeachers = pgTable(
  "lesson_teachers",
  {
    lessonId: uuid("lesson_id")
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    teacherId: uuid("teacher_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.lessonId, t.teacherId] }), index("lesson_teachers_teacher_idx").on(t.teacherId)],
);

/**
 * A one-off change to one occurrence of a lesson (the lesson on a date): cancelled, taught by a substitute, moved to
 * another time or room, held remotely (classe virtuelle), or turned into an exam (devoir surveillé). Several may
 * combine, e.g. moved and with a substitute.
 */
export const lessonChanges = pgTable(
  "lesson_changes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    lessonId: uuid("lesson_id")
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    /** the date the lesson was planned on */
    onDate: date("on_date").notNull(),
    cancelled: boolean("cancelled").notNull().default(false),
    substituteTeacherId: uuid("substitute_teacher_id").references(() => people.id, { onDelete: "set null" }),
    movedToDate: date("moved_to_date"),
    movedStartsAt: time("moved_starts_at"),
    movedEndsAt: time("moved_ends_at"),
    movedRoomId: uuid("moved_room_id").references(() => rooms.id, { onDelete: "set null" }),
    remote: boolean("remote").notNull().default(false),
    exam: boolean("exam").notNull().default(false),
    /** shown to pupils and families, e.g. "Professeur absent" */
    note: text("note"),
    changedBy: uuid("changed_by").references(() => people.id, { onDelete: "set null" }),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique().on(t.lessonId, t.onDate),
    check(
      "lesson_changes_moved_times",
      sql`(${t.movedStartsAt} is null) = (${t.movedEndsAt} is null) and (${t.movedStartsAt} is null or ${t.movedStartsAt} < ${t.movedEndsAt})`,
    ),
    index("lesson_changes_date_idx").on(t.onDate),
    index("lesson_changes_moved_date_idx").on(t.movedToDate),
  ],
);

/** What a non-lesson event is: an outing (sortie), a detention (retenue), holidays (vacances), a meeting, other. */
export const schoolEventKind = pgEnum("school_event_kind", ["outing", "detention", "holiday", "meeting", "exam", "other"]);

/**
 * A non-lesson event of the calendar. It concerns the whole establishment (holidays, bank holidays) or the classes,
 * groups and persons listed in school_event_audiences; when `roles` is not empty, only the people of those profiles
 * among them (a teachers' meeting, a parents' evening for families and teachers).
 */
export const schoolEvents = pgTable(
  "school_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    establishmentId: uuid("establishment_id")
      .notNull()
      .references(() => establishments.id, { onDelete: "cascade" }),
    kind: schoolEventKind("kind").notNull(),
    title: text("title").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    location: text("location"),
    wholeEstablishment: boolean("whole_establishment").notNull().default(false),
    roles: role("roles").array().notNull().default(sql`'{}'`),
    createdBy: uuid("created_by").references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("school_events_times", sql`${t.startsAt} < ${t.endsAt}`),
    index("school_events_establishment_idx").on(t.establishmentId, t.startsAt),
  ],
);

/** Who a school event concerns: a class, a group or a person (a pupil kept in detention, a teacher on an outing). */
export const schoolEventAudiences = pgTable(
  "school_event_audiences",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => schoolEvents.id, { onDelete: "cascade" }),
    classId: uuid("class_id").references(() => classes.id, { onDelete: "cascade" }),
    groupId: uuid("group_id").references(() => teachingGroups.id, { onDelete: "cascade" }),
    personId: uuid("person_id").references(() => people.id, { onDelete: "cascade" }),
  },
  (t) => [
    check("school_event_audiences_one", sql`num_nonnulls(${t.classId}, ${t.groupId}, ${t.personId}) = 1`),
    index("school_event_audiences_event_idx").on(t.eventId),
    index("school_event_audiences_class_idx").on(t.classId),
    index("school_event_audiences_group_idx").on(t.groupId),
    index("school_event_audiences_person_idx").on(t.personId),
  ],
);

/**
 * A person's iCalendar feed: the URL carries a secret token, of which only a hash is kept. Regenerating the token
 * replaces the row, which revokes the old URL.
 */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    establishmentId: uuid("establishment_id")
      .notNull()
      .references(() => establishments.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastFetchedAt: timestamp("last_fetched_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.personId, t.establishmentId] })],
);
