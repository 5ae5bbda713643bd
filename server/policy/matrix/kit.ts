import { and, eq } from "drizzle-orm";
import { classes, establishments, people } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { DEMO_ACCOUNTS, DEMO_ESTABLISHMENTS, type DemoAccountKey } from "@/server/seed/demo-accounts";
import { anonymousCaller, type Caller, callerFor } from "@/server/testing/callers";

/**
 * The policy matrix's vocabulary: the personas who call every procedure, the usual groups of them, and the helpers a
 * domain's cases use to find their targets in the demo school. Each domain keeps its cases in its own file
 * (`*.cases.ts`), listed in `./index.ts`.
 */
export type Persona = "anonymous" | Exclude<DemoAccountKey, "pending" | "disabled" | "sibling" | "ecoleStudent">;

export const COLLEGE = DEMO_ESTABLISHMENTS.college.uai;
export const ECOLE = DEMO_ESTABLISHMENTS.ecole.uai;

export const PERSONAS: Persona[] = [
  "anonymous",
  "student",
  "classmate",
  "guardian",
  "otherGuardian",
  "leadTeacher",
  "otherTeacher",
  "teacherParent",
  "direction",
  "cpe",
  "secretariat",
  "agent",
  "admin",
  "ecoleDirection",
  "ecoleAdmin",
];

/** The personas who work at the école; every other one signs in at the collège. */
const AT_ECOLE: readonly Persona[] = ["ecoleDirection", "ecoleAdmin"];

export const SIGNED_IN = PERSONAS.filter((p) => p !== "anonymous");
export const RECORDS = ["direction", "cpe", "secretariat", "admin"] as const;
export const GRADE_READERS = ["direction", "cpe", "secretariat"] as const;
export const TEACHERS = ["leadTeacher", "otherTeacher", "teacherParent"] as const;

/** One row of the matrix: a call of a procedure, and the personas allowed to make it (all others are refused). */
export interface Case<T> {
  procedure: string;
  label: string;
  call: (api: Caller, targets: T) => Promise<unknown>;
  allowed: readonly Persona[];
}

/** What a domain's setup may use: the seeded demo database and ways to reach its people and classes. */
export interface MatrixKit {
  db: Db;
  idOf(login: string): Promise<string>;
  classId(uai: string, name: string): Promise<string>;
  establishmentId(uai: string): Promise<string>;
  callerOf(persona: Exclude<Persona, "anonymous">): Promise<Caller>;
}

/** A domain's cases and the setup that finds (or creates) the objects they act on, run once before the matrix. */
export interface CaseGroup<T = unknown> {
  domain: string;
  setup: (kit: MatrixKit) => Promise<T>;
  cases: Case<T>[];
}

/** Declares a domain's group with its targets' type inferred from its setup. */
export const caseGroup = <T>(group: CaseGroup<T>): CaseGroup<T> => group;

export function matrixKit(db: Db): MatrixKit {
  return {
    db,
    async idOf(login) {
      const [row] = await db.select({ id: people.id }).from(people).where(eq(people.login, login));
      return row.id;
    },
    async classId(uai, name) {
      const [row] = await db
        .select({ id: classes.id })
        .from(classes)
        .innerJoin(establishments, eq(establishments.id, classes.establishmentId))
        .where(and(eq(establishments.uai, uai), eq(classes.name, name)));
      return row.id;
    },
    async establishmentId(uai) {
      const [row] = await db.select({ id: establishments.id }).from(establishments).where(eq(establishments.uai, uai));
      return row.id;
    },
    callerOf: (persona) => callerFor(db, DEMO_ACCOUNTS[persona].login, AT_ECOLE.includes(persona) ? ECOLE : COLLEGE),
  };
}

/** A fresh caller per call: some procedures (log out everywhere) end the session they run in. */
export function callerOf(kit: MatrixKit, persona: Persona): Promise<Caller> {
  return persona === "anonymous" ? anonymousCaller(kit.db) : kit.callerOf(persona);
}
