import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "@/drizzle/schema";
import type { Database } from "@/server/db/client";
import { emptyEstablishment } from "@/server/imports/test-establishment";
import { type Caller, callerFor } from "@/server/testing/callers";
import { createTestDatabase } from "@/server/testing/database";
import { translatedFieldErrors, translatedMessage } from "@/server/trpc/errors";
import { grantSuperAdmin, listEstablishments } from "./establishments";

let database: Database;
let superAdmin: Caller;
let ordinaryAdmin: Caller;
let home: Awaited<ReturnType<typeof emptyEstablishment>>;
let mistyped: Awaited<ReturnType<typeof emptyEstablishment>>;

const detailsOf = async (id: string) => {
  const { uai, name, kind, city } = (await listEstablishments(database.db)).find((e) => e.id === id)!;
  return { uai, name, kind, city };
};
/** What a call refused with, as the person reads it in each language. */
const refusal = (error: unknown) => ({
  code: (error as TRPCError).code,
  fr: translatedFieldErrors(error as TRPCError, "fr") ?? translatedMessage(error as TRPCError, "fr"),
  en: translatedFieldErrors(error as TRPCError, "en") ?? translatedMessage(error as TRPCError, "en"),
});

beforeAll(async () => {
  database = await createTestDatabase();
  home = await emptyEstablishment(database.db, "0699980A");
  mistyped = await emptyEstablishment(database.db, "0699981B");
  await grantSuperAdmin(database.db, home.admin.login);
  superAdmin = await callerFor(database.db, home.admin.login, home.establishment.uai);
  ordinaryAdmin = await callerFor(database.db, mistyped.admin.login, mistyped.establishment.uai);
});
afterAll(() => database.close());

describe("correcting an establishment's details", () => {
  it("changes its name, UAI, kind and city, and the audit keeps what they were", async () => {
    const correction = { name: "Lycée Marie Curie", uai: " 0699982c ", kind: "lycee", city: "Bron" } as const;
    await superAdmin.admin.updateEstablishment({ establishmentId: mistyped.establishment.id, ...correction });

    const corrected = { name: "Lycée Marie Curie", uai: "0699982C", kind: "lycee", city: "Bron" };
    expect(await detailsOf(mistyped.establishment.id)).toEqual(corrected);
    const entries = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "admin.establishment.updated"), eq(auditLog.establishmentId, mistyped.establishment.id)));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorId: home.admin.id,
      details: { ...corrected, previous: { name: "Collège des Tests", uai: "0699981B", kind: "college", city: "Lyon" } },
    });
  });

  it("keeps its own UAI without calling it taken", async () => {
    const details = await detailsOf(home.establishment.id);
    await superAdmin.admin.updateEstablishment({ establishmentId: home.establishment.id, ...details, city: null });
    expect(await detailsOf(home.establishment.id)).toEqual({ ...details, city: null });
  });

  it("refuses a UAI another establishment has, with the translated error, and changes nothing", async () => {
    const before = await detailsOf(mistyped.establishment.id);
    const error = await superAdmin.admin
      .updateEstablishment({ establishmentId: mistyped.establishment.id, ...before, name: "Autre nom", uai: home.establishment.uai })
      .catch((e: unknown) => e);
    expect(refusal(error)).toEqual({ code: "BAD_REQUEST", fr: "Un établissement porte déjà cet UAI.", en: "A school already has this UAI." });
    expect(await detailsOf(mistyped.establishment.id)).toEqual(before);
  });

  it("refuses a UAI that is not seven digits and a letter, as creation does, and changes nothing", async () => {
    const before = await detailsOf(mistyped.establishment.id);
    const details = { ...before, name: "Autre nom", uai: "069998" };
    const error = await superAdmin.admin.updateEstablishment({ establishmentId: mistyped.establishment.id, ...details }).catch((e: unknown) => e);
    expect(refusal(error)).toEqual({ code: "BAD_REQUEST", fr: { uai: "Format invalide." }, en: { uai: "Invalid format." } });
    expect(refusal(await superAdmin.admin.createEstablishment(details).catch((e: unknown) => e))).toEqual(refusal(error));
    expect(await detailsOf(mistyped.establishment.id)).toEqual(before);
  });

  it("answers that an unknown establishment does not exist", async () => {
    const details = await detailsOf(home.establishment.id);
    const error = await superAdmin.admin.updateEstablishment({ establishmentId: crypto.randomUUID(), ...details, uai: "0699983D" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("NOT_FOUND");
  });

  it("is refused to an ordinary administrator, even for their own establishment", async () => {
    const before = await detailsOf(mistyped.establishment.id);
    await expect(
      ordinaryAdmin.admin.updateEstablishment({ establishmentId: mistyped.establishment.id, ...before, name: "Renommé par son ADML" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await detailsOf(mistyped.establishment.id)).toEqual(before);
  });
});
