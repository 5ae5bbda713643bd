import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { people } from "@/drizzle/schema";
import type { Database } from "@/server/db/client";
import { createLocalBus } from "@/server/events/bus";
import { ScopeCache } from "@/server/policy/scope-cache";
import { lastAuditFor } from "@/server/testing/audit";
import { createTestDatabase } from "@/server/testing/database";
import type { Context } from "@/server/trpc/context";
import { translatedFieldErrors } from "@/server/trpc/errors";
import { appRouter, createCaller } from "@/server/trpc/root";
import { activationInput } from "@/server/trpc/routers/account";
import { activateAccount } from "./activation";
import { logIn } from "./login";
import { hashSecret, normaliseActivationCode } from "./password";

const CODE = "K7QW-M3XP-T9RA";
const NEW_PASSWORD = "trois hiboux sur le toit";
const DAY = 86_400_000;
const INVALID_CODE = { ok: false, reason: "invalidCode" };
const weak = (problem: string) => ({ ok: false, reason: "weakPassword", problem });

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("activateAccount", () => {
  async function pendingPerson(login: string, expiresAt = new Date(Date.now() + 30 * DAY)) {
    const [person] = await database.db
      .insert(people)
      .values({
        login,
        firstName: "Élève",
        lastName: "Test",
        status: "pending",
        activationCodeHash: await hashSecret(normaliseActivationCode(CODE)),
        activationExpiresAt: expiresAt,
      })
      .returning();
    return person;
  }

  async function personRow(id: string) {
    const [row] = await database.db.select().from(people).where(eq(people.id, id));
    return row;
  }

  const lastAudit = (login: string) => lastAuditFor(database.db, login);

  const activate = (login: string, code: string, password = NEW_PASSWORD, ip = "192.0.2.20") =>
    activateAccount(database.db, { login, code, password, ip });

  it("activates with the right code and a good password; the code then no longer works", async () => {
    const person = await pendingPerson("lucas.moreau");
    expect(await activate(" Lucas.Moreau", "k7qw m3xp t9ra")).toEqual({ ok: true, personId: person.id });

    const row = await personRow(person.id);
    expect(row).toMatchObject({ status: "active", activationCodeHash: null, activationExpiresAt: null });
    expect(row.charterAcceptedAt).toBeInstanceOf(Date);
    expect(await lastAudit("lucas.moreau")).toMatchObject({ action: "auth.activated", actorId: person.id });

    const firstLogin = { login: "lucas.moreau", password: NEW_PASSWORD, ip: "192.0.2.20", userAgent: null };
    expect(await logIn(database.db, firstLogin)).toMatchObject({ ok: true, personId: person.id });
    expect(await activate("lucas.moreau", CODE, "un autre mot de passe choisi")).toEqual(INVALID_CODE);
  });

  it("refuses a wrong code, audits it and counts it toward throttling", async () => {
    const person = await pendingPerson("emma.girard");
    const ip = "192.0.2.21";
    for (let i = 0; i < 6; i++) {
      expect(await activate("emma.girard", "AAAA-BBBB-CCCC", NEW_PASSWORD, ip)).toEqual(INVALID_CODE);
    }
    expect(await lastAudit("emma.girard")).toMatchObject({ action: "auth.activation.failed", actorId: person.id });
    expect(await activate("emma.girard", CODE, NEW_PASSWORD, ip)).toMatchObject({ ok: false, reason: "throttled" });
    expect((await personRow(person.id)).status).toBe("pending");
  });

  it("refuses an expired code", async () => {
    const person = await pendingPerson("louis.fabre", new Date(Date.now() - DAY));
    expect(await activate("louis.fabre", CODE)).toEqual({ ok: false, reason: "expiredCode" });
    expect(await personRow(person.id)).toMatchObject({ status: "pending", passwordHash: null });
  });

  it("accepts a code until its expiry, judged at the given time", async () => {
    const expiresAt = new Date("2025-09-30T22:00:00Z");
    await pendingPerson("rose.lambert", expiresAt);
    const before = new Date(expiresAt.getTime() - 1000);
    const after = new Date(expiresAt.getTime() + 1000);
    const attempt = { login: "rose.lambert", code: CODE, password: NEW_PASSWORD, ip: "192.0.2.25" };
    expect(await activateAccount(database.db, attempt, after)).toEqual({ ok: false, reason: "expiredCode" });
    expect(await activateAccount(database.db, attempt, before)).toMatchObject({ ok: true });
  });

  it("refuses a weak password with the problem and changes nothing", async () => {
    const person = await pendingPerson("adam.mercier");
    const before = await personRow(person.id);
    expect(await activate("adam.mercier", CODE, "court")).toEqual(weak("tooShort"));
    expect(await activate("adam.mercier", CODE, "azerty123")).toEqual(weak("common"));
    expect(await activate("adam.mercier", CODE, "moi-adam.mercier!")).toEqual(weak("containsLogin"));
    expect(await personRow(person.id)).toEqual(before);
  });

  it("refuses to activate an account that is already active", async () => {
    const passwordHash = await hashSecret("son mot de passe actuel");
    const [person] = await database.db
      .insert(people)
      .values({
        login: "ines.henry",
        firstName: "Inès",
        lastName: "Henry",
        status: "active",
        passwordHash,
        activationCodeHash: await hashSecret(normaliseActivationCode(CODE)),
      })
      .returning();
    expect(await activate("ines.henry", CODE)).toEqual(INVALID_CODE);
    expect((await personRow(person.id)).passwordHash).toBe(passwordHash);
  });
});

describe("account.activate through tRPC", () => {
  const context = (locale: "fr" | "en"): Context => ({
    db: database.db,
    bus: createLocalBus(),
    scopes: new ScopeCache(),
    locale,
    ip: "192.0.2.30",
    actor: null,
  });
  const input = { login: "jules.blanc", code: CODE, password: NEW_PASSWORD };

  it("refuses an unaccepted charter with BAD_REQUEST and a translated field message", async () => {
    const error = await createCaller(context("fr"))
      .account.activate({ ...input, acceptCharter: false as true })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect(translatedFieldErrors(error as TRPCError, "fr")).toEqual({
      acceptCharter: "Vous devez accepter la charte d'utilisation.",
    });
    expect(translatedFieldErrors(error as TRPCError, "en")).toEqual({
      acceptCharter: "You must accept the terms of use.",
    });
  });

  it("says which fields are missing", () => {
    const parsed = activationInput.safeParse({ login: "   ", acceptCharter: true });
    expect(parsed.success).toBe(false);
    const error = new TRPCError({ code: "BAD_REQUEST", cause: parsed.error });
    expect(translatedFieldErrors(error, "fr")).toEqual({
      login: "Ce champ est obligatoire.",
      code: "Ce champ est obligatoire.",
      password: "Ce champ est obligatoire.",
    });
    expect(translatedFieldErrors(error, "en")?.code).toBe("This field is required.");
  });

  it("sends the formatted error over HTTP in the caller's language", async () => {
    const response = await fetchRequestHandler({
      endpoint: "/api/trpc",
      router: appRouter,
      createContext: () => context("en"),
      req: new Request("http://localhost/api/trpc/account.activate", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ json: { ...input, acceptCharter: false } }),
      }),
    });
    expect(response.status).toBe(400);
    type Body = { error: { json: { message: string; data: Record<string, unknown> } } };
    const { error } = (await response.json()) as Body;
    expect(error.json.message).toBe("The request is invalid.");
    expect(error.json.data).toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { acceptCharter: "You must accept the terms of use." },
    });
    expect(error.json.data.stack).toBeFalsy();
  });

  it("answers a weak password with the problem and the length limits", async () => {
    await database.db.insert(people).values({
      login: "jules.blanc",
      firstName: "Jules",
      lastName: "Blanc",
      activationCodeHash: await hashSecret(normaliseActivationCode(CODE)),
    });
    const caller = createCaller(context("fr"));
    const answer = await caller.account.activate({ ...input, password: "court", acceptCharter: true });
    expect(answer).toEqual({ ...weak("tooShort"), limits: { min: 8, max: 128 } });
  });
});
