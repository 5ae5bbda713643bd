import { sql } from "drizzle-orm";
import { boolean, index, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { establishments } from "./establishments";

export const accountStatus = pgEnum("account_status", ["pending", "active", "disabled"]);
export const language = pgEnum("language", ["fr", "en"]);

/**
 * A person and their account. The identifiant (login) is unique in the whole installation.
 * A pending account has an activation code (code d'activation) and no password yet.
 */
export const people = pgTable(
  "people",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    login: text("login").notNull().unique(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    email: text("email"),
    phone: text("phone"),
    status: accountStatus("status").notNull().default("pending"),
    passwordHash: text("password_hash"),
    activationCodeHash: text("activation_code_hash"),
    activationExpiresAt: timestamp("activation_expires_at", { withTimezone: true }),
    charterAcceptedAt: timestamp("charter_accepted_at", { withTimezone: true }),
    preferredLanguage: language("preferred_language").notNull().default("fr"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
  },
  (t) => [index("people_last_name_idx").on(sql`lower(${t.lastName})`, sql`lower(${t.firstName})`)],
);

/**
 * The roles a person holds in an establishment: student (élève), guardian (responsable légal), teacher
 * (enseignant), the staff roles direction, cpe (vie scolaire), secretariat, agent, and admin (ADML).
 */
export const role = pgEnum("role", [
  "student",
  "guardian",
  "teacher",
  "direction",
  "cpe",
  "secretariat",
  "agent",
  "admin",
]);

export const profiles = pgTable(
  "profiles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    establishmentId: uuid("establishment_id")
      .notNull()
      .references(() => establishments.id, { onDelete: "cascade" }),
    role: role("role").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique().on(t.personId, t.establishmentId, t.role),
    index("profiles_establishment_role_idx").on(t.establishmentId, t.role),
  ],
);

/** père, mère, tuteur or another legal guardian */
export const guardianRelationship = pgEnum("guardian_relationship", ["mother", "father", "tutor", "other"]);

/** A guardian (responsable légal) of a pupil, and whether they receive the school's information. */
export const guardianships = pgTable(
  "guardianships",
  {
    guardianId: uuid("guardian_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    studentId: uuid("student_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    relationship: guardianRelationship("relationship").notNull(),
    receivesInformation: boolean("receives_information").notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.guardianId, t.studentId] }), index("guardianships_student_idx").on(t.studentId)],
);
