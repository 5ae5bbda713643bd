import { index, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { establishments } from "./establishments";
import { people } from "./people";

/** What a notification is about: each kind has its own preference. */
export const notificationKind = pgEnum("notification_kind", [
  "message",
  "grade",
  "absence",
  "lesson",
  "homework",
  "carnet",
  "assignment",
  "handIn",
  "announcement",
  "virtualClass",
]);

/** How a person wants e-mail for a kind of notification: none, one e-mail each, or the daily digest. */
export const mailDelivery = pgEnum("mail_delivery", ["none", "immediate", "digest"]);

/**
 * One notification of the centre. `source` names what caused it (a message, an evaluation...) so that every instance
 * of the app may receive the same event and only one row is written. `emailedAt` is set once it went out by e-mail
 * (alone or in a digest).
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    establishmentId: uuid("establishment_id")
      .notNull()
      .references(() => establishments.id, { onDelete: "cascade" }),
    kind: notificationKind("kind").notNull(),
    source: text("source").notNull(),
    /** The catalogue parameters of its text (names, subjects, dates). */
    params: jsonb("params").$type<Record<string, string>>().notNull(),
    link: text("link").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
    emailedAt: timestamp("emailed_at", { withTimezone: true }),
  },
  (t) => [
    unique().on(t.personId, t.kind, t.source),
    index("notifications_person_idx").on(t.personId, t.createdAt),
  ],
);

/** A person's e-mail choice for one kind; without a row, the kind's default applies. */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    kind: notificationKind("kind").notNull(),
    mail: mailDelivery("mail").notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.kind] })],
);
