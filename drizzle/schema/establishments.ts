import { date, index, integer, pgEnum, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";

/** école / collège / lycée */
export const establishmentKind = pgEnum("establishment_kind", ["ecole", "college", "lycee"]);

/** An establishment (établissement), identified by its UAI code. Everything belongs to one. */
export const establishments = pgTable("establishments", {
  id: uuid("id").primaryKey().defaultRandom(),
  uai: text("uai").notNull().unique(),
  name: text("name").notNull(),
  kind: establishmentKind("kind").notNull(),
  city: text("city"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** année scolaire */
export const schoolYears = pgTable(
  "school_years",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    establishmentId: uuid("establishment_id")
      .notNull()
      .references(() => establishments.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
  },
  (t) => [unique().on(t.establishmentId, t.label)],
);

/** trimestre or semestre */
export const periodKind = pgEnum("period_kind", ["trimester", "semester"]);

export const periods = pgTable(
  "periods",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    schoolYearId: uuid("school_year_id")
      .notNull()
      .references(() => schoolYears.id, { onDelete: "cascade" }),
    kind: periodKind("kind").notNull(),
    ordinal: integer("ordinal").notNull(),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
  },
  (t) => [unique().on(t.schoolYearId, t.kind, t.ordinal), index("periods_school_year_idx").on(t.schoolYearId)],
);
