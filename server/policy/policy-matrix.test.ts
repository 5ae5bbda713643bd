import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/server/db/client";
import { createTestDatabase } from "@/server/testing/database";
import { appRouter } from "@/server/trpc/root";
import { CASE_GROUPS } from "./matrix";
import { callerOf, type MatrixKit, matrixKit, PERSONAS } from "./matrix/kit";

/**
 * The policy matrix: every procedure, called by every profile of the demo school (and by nobody, and from the other
 * establishment), is allowed or refused as expected. A procedure added without a row in `./matrix` fails the last
 * test.
 */
let database: Database;
let kit: MatrixKit;
const targets = new Map<string, unknown>();

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  kit = matrixKit(database.db);
  for (const group of CASE_GROUPS) targets.set(group.domain, await group.setup(kit));
});

afterAll(() => database.close());

describe.each(CASE_GROUPS)("$domain", (group) => {
  describe.each(group.cases)("$procedure $label", (testCase) => {
    it.each(PERSONAS)("%s", async (persona) => {
      const api = await callerOf(kit, persona);
      const outcome = await testCase.call(api, targets.get(group.domain)).then(
        () => "allowed",
        (error: unknown) => {
          if (error instanceof TRPCError && ["UNAUTHORIZED", "FORBIDDEN"].includes(error.code)) return "refused";
          throw error;
        },
      );
      expect(outcome).toBe(testCase.allowed.includes(persona) ? "allowed" : "refused");
    });
  });
});

describe("the matrix", () => {
  it("covers every procedure of the app router", () => {
    const procedures = Object.keys(appRouter._def.procedures).sort();
    const covered = [...new Set(CASE_GROUPS.flatMap((group) => group.cases.map((c) => c.procedure)))].sort();
    expect(covered).toEqual(procedures);
  });
});
