import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { establishments } from "./establishments";
import { people } from "./people";

/**
 * How a person of an imported file is recognised at the next import: the file's own identifier of them
 * (externalid, INE, or their name and birth date when the file has no identifier), per establishment. This is what
 * makes re-importing the same files change nothing.
 */
export const importIdentities = pgTable(
  "import_identities",
  {
    establishmentId: uuid("establishment_id")
      .notNull()
      .references(() => establishments.id, { onDelete: "cascade" }),
    externalId: text("external_id").notNull(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.establishmentId, t.externalId] }), index("import_identities_person_idx").on(t.personId)],
);

/** A service (module) an establishment's administrator switched off. Every module is on unless listed here. */
export const disabledModules = pgTable(
  "disabled_modules",
  {
    establishmentId: uuid("establishment_id")
      .notNull()
      .references(() => establishments.id, { onDelete: "cascade" }),
    module: text("module").notNull(),
    disabledAt: timestamp("disabled_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.establishmentId, t.module] })],
);

/** An establishment's data-protection settings: how long its audit log is kept (one year unless changed). */
export const retentionSettings = pgTable("retention_settings", {
  establishmentId: uuid("establishment_id")
    .primaryKey()
    .references(() => establishments.id, { onDelete: "cascade" }),
  auditRetentionDays: integer("audit_retention_days").notNull().default(365),
});

/**
 * A leaver's personal data to erase: an import that no longer lists a person disables their account and schedules
 * the erasure three months later (French ENT rule); the purge anonymises them when it is due.
 */
export const scheduledErasures = pgTable(
  "scheduled_erasures",
  {
    personId: uuid("person_id")
      .primaryKey()
      .references(() => people.id, { onDelete: "cascade" }),
    establishmentId: uuid("establishment_id").references(() => establishments.id, { onDelete: "set null" }),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    scheduledAt: timestamp("scheduled_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("scheduled_erasures_due_idx").on(t.dueAt)],
);

/**
 * The installation's super-administrators: they list and create establishments. Granted from the command line
 * (`npm run admin:super -- <identifiant>`), never from the web, so that no web account can make itself one.
 */
export const installationAdmins = pgTable("installation_admins", {
  personId: uuid("person_id")
    .primaryKey()
    .references(() => people.id, { onDelete: "cascade" }),
  grantedAt: timestamp("granted_at", { withTimezone: true }).notNull().defaultNow(),
});
