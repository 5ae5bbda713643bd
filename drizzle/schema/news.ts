import { sql } from "drizzle-orm";
import { boolean, check, date, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { classes } from "./classes";
import { establishments } from "./establishments";
import { people, role } from "./people";

/**
 * An announcement (actualité): to the whole establishment or to some classes (their pupils, families and teachers),
 * narrowed to some profiles when `roles` is not empty; shown from `publishAt` until `expiresAt`.
 */
export const announcements = pgTable(
  "announcements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    establishmentId: uuid("establishment_id")
      .notNull()
      .references(() => establishments.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => people.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    body: text("body").notNull(),
    roles: role("roles").array().notNull().default(sql`'{}'`),
    pinned: boolean("pinned").notNull().default(false),
    publishAt: timestamp("publish_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("announcements_dates", sql`${t.expiresAt} is null or ${t.publishAt} < ${t.expiresAt}`),
    index("announcements_establishment_idx").on(t.establishmentId, t.publishAt),
  ],
);

/** The classes an announcement is for; none means the whole establishment. */
export const announcementClasses = pgTable(
  "announcement_classes",
  {
    announcementId: uuid("announcement_id")
      .notNull()
      .references(() => announcements.id, { onDelete: "cascade" }),
    classId: uuid("class_id")
      .notNull()
      .references(() => classes.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.announcementId, t.classId] }), index("announcement_classes_class_idx").on(t.classId)],
);

/** Who opened an announcement: its author sees how many did. */
export const announcementReads = pgTable(
  "announcement_reads",
  {
    announcementId: uuid("announcement_id")
      .notNull()
      .references(() => announcements.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    readAt: timestamp("read_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.announcementId, t.personId] })],
);

/** One course of a canteen meal (entrée, plat, accompagnement, dessert...) and the regulated allergens it contains. */
export interface MenuCourse {
  name: string;
  allergens: string[];
}

/** The canteen's menu of one day: its courses in serving order. */
export const canteenMenus = pgTable(
  "canteen_menus",
  {
    establishmentId: uuid("establishment_id")
      .notNull()
      .references(() => establishments.id, { onDelete: "cascade" }),
    day: date("day").notNull(),
    courses: jsonb("courses").$type<MenuCourse[]>().notNull(),
    updatedBy: uuid("updated_by").references(() => people.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.establishmentId, t.day] })],
);
