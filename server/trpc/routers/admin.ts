import { TRPCError } from "@trpc/server";
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { classes } from "@/drizzle/schema";
import {
  accountDetail,
  createAccount,
  disableAccount,
  enableAccount,
  searchAccounts,
  setRoles,
  updateAccount,
} from "@/server/admin/accounts";
import { issueActivationCodes } from "@/server/admin/activation-codes";
import { createEstablishment, isSuperAdmin, listEstablishments, updateEstablishment } from "@/server/admin/establishments";
import { assertAccountIsOurs } from "@/server/admin/known-elsewhere";
import { mergeAccounts, mergePreview } from "@/server/admin/merge";
import { renderActivationLetters } from "@/server/admin/letters";
import { printLetters } from "@/server/admin/letters-for";
import { saveSchoolYear, schoolYearsOf } from "@/server/admin/school-year";
import { type AuditAction, recordAudit } from "@/server/audit";
import { MODULES } from "@/server/modules/modules";
import { disabledModulesOf, setModuleEnabled } from "@/server/modules/settings";
import { classInEstablishment } from "@/server/policy/lookups";
import { can } from "@/server/policy/policy";
import { establishmentKind, role } from "@/drizzle/schema";
import { establishmentAudit } from "@/server/privacy/audit-reader";
import { auditRetentionDays, setAuditRetentionDays } from "@/server/privacy/retention";
import { currentSchoolYear } from "@/server/services/school-year";
import type { Context } from "../context";
import { authedProcedure, objectProcedure, roleProcedure, router } from "../init";

const admins = roleProcedure("admin");
const byPerson = z.object({ personId: z.uuid() });
const personAdministered = <S extends z.ZodType<{ personId: string }>>(schema: S) =>
  objectProcedure(schema, "person.administer", (input) => input.personId);

const accountFields = z.object({
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().min(1).max(100),
  email: z.email().max(200).nullable(),
  phone: z.string().trim().max(40).nullable(),
});
const roles = z.array(z.enum(role.enumValues)).min(1).max(role.enumValues.length);
const isoDay = z.iso.date();
/** An establishment's details, the same at its creation and when they are corrected. */
const establishmentFields = z.object({
  uai: z.string().trim().toUpperCase().regex(/^\d{7}[A-Z]$/),
  name: z.string().trim().min(1).max(200),
  kind: z.enum(establishmentKind.enumValues),
  city: z.string().trim().max(100).nullable(),
});
/** Two accounts of one person: the one that stays, and the duplicate merged into it. */
const mergePair = z.object({ survivorId: z.uuid(), duplicateId: z.uuid() });
/** Both accounts of a merge must be the establishment's (the survivor is checked by the procedure, the duplicate here). */
const merging = objectProcedure(mergePair, "person.administer", (input) => input.survivorId).use(async ({ ctx, input, next }) => {
  if (!(await can(ctx.db, ctx.scope, "person.administer", (input as z.output<typeof mergePair>).duplicateId))) {
    throw new TRPCError({ code: "FORBIDDEN", message: "errors.forbidden" });
  }
  return next();
});

type Scoped = Context & { scope: { establishmentId: string; personId: string } };
const audit = (ctx: Scoped, action: AuditAction, subjectId: string | null, details: Record<string, unknown> = {}) =>
  recordAudit(ctx.db, { action, actorId: ctx.scope.personId, establishmentId: ctx.scope.establishmentId, subjectId, ip: ctx.ip, details });

/** The installation's super-administrators only: establishments are theirs to create and correct. */
const superAdmins = authedProcedure.use(async ({ ctx, next }) => {
  if (!(await isSuperAdmin(ctx.db, ctx.actor.personId))) throw new TRPCError({ code: "FORBIDDEN", message: "errors.forbidden" });
  return next();
});

/** Administration of an establishment (ADML): accounts, rights, activation letters, modules, periods, audit. */
export const adminRouter = router({
  accounts: admins
    .input(
      z.object({
        query: z.string().max(100).optional(),
        role: z.enum(role.enumValues).optional(),
        status: z.enum(["pending", "active", "disabled"]).optional(),
        page: z.number().int().min(0).max(10_000).default(0),
      }),
    )
    .query(({ ctx, input }) => searchAccounts(ctx.db, ctx.scope.establishmentId, input)),

  account: personAdministered(byPerson).query(({ ctx, input }) => accountDetail(ctx.db, ctx.scope.establishmentId, input.personId)),

  createAccount: admins.input(accountFields.extend({ roles })).mutation(async ({ ctx, input }) => {
    const { roles: chosen, ...fields } = input;
    const person = await createAccount(ctx.db, ctx.scope.establishmentId, fields, chosen);
    await audit(ctx, "admin.account.created", person.id, { roles: chosen });
    return person;
  }),

  updateAccount: personAdministered(accountFields.extend({ personId: z.uuid() })).mutation(async ({ ctx, input }) => {
    const { personId, ...fields } = input;
    await assertAccountIsOurs(ctx.db, personId, ctx.scope.establishmentId, ctx.scope.personId);
    await updateAccount(ctx.db, personId, fields);
    await audit(ctx, "admin.account.updated", personId);
  }),

  disableAccount: personAdministered(byPerson).mutation(async ({ ctx, input }) => {
    await assertAccountIsOurs(ctx.db, input.personId, ctx.scope.establishmentId, ctx.scope.personId);
    await disableAccount(ctx.db, input.personId, ctx.scope.personId);
    await audit(ctx, "admin.account.disabled", input.personId);
    await ctx.bus.publish("sessions.revoked", { personId: input.personId });
  }),

  enableAccount: personAdministered(byPerson).mutation(async ({ ctx, input }) => {
    await assertAccountIsOurs(ctx.db, input.personId, ctx.scope.establishmentId, ctx.scope.personId);
    await enableAccount(ctx.db, input.personId);
    await audit(ctx, "admin.account.enabled", input.personId);
  }),

  /** A new activation code (a password reset): shown once, with its letter as a PDF; the old code and password stop working. */
  issueCode: personAdministered(byPerson).mutation(async ({ ctx, input }) => {
    await assertAccountIsOurs(ctx.db, input.personId, ctx.scope.establishmentId, ctx.scope.personId);
    const [issued] = await issueActivationCodes(ctx.db, [input.personId]);
    if (!issued) throw new TRPCError({ code: "BAD_REQUEST", message: "admin.errors.accountDisabled" });
    const establishment = (await listEstablishments(ctx.db)).find((e) => e.id === ctx.scope.establishmentId)!;
    const pdf = await renderActivationLetters([issued], { establishment, audience: `${issued.lastName} ${issued.firstName}`, locale: ctx.locale });
    await audit(ctx, "admin.account.codeIssued", input.personId);
    await ctx.bus.publish("sessions.revoked", { personId: input.personId });
    return { code: issued.code, expiresAt: issued.expiresAt, pdf: pdf.toString("base64") };
  }),

  setRoles: personAdministered(byPerson.extend({ roles })).mutation(async ({ ctx, input }) => {
    await setRoles(ctx.db, ctx.scope.establishmentId, input.personId, input.roles, ctx.scope.personId);
    await audit(ctx, "admin.roles.changed", input.personId, { roles: input.roles });
    await ctx.bus.publish("scope.changed", { personIds: [input.personId] });
  }),

  /** What merging a duplicate account into another would move, before the administrator confirms. Writes nothing. */
  mergePreview: merging.query(({ ctx, input }) => mergePreview(ctx.db, ctx.scope.establishmentId, input.survivorId, input.duplicateId, ctx.scope.personId)),

  /** Merges a duplicate account into the survivor: everything that names it moves, it is removed, and its sessions end. */
  mergeAccounts: merging.mutation(async ({ ctx, input }) => {
    const { duplicate, moved } = await mergeAccounts(ctx.db, ctx.scope.establishmentId, input.survivorId, input.duplicateId, ctx.scope.personId);
    await audit(ctx, "admin.account.merged", input.survivorId, { duplicateId: duplicate.id, login: duplicate.login, name: `${duplicate.lastName} ${duplicate.firstName}`, moved });
    await ctx.bus.publish("sessions.revoked", { personId: input.duplicateId });
    await ctx.bus.publish("scope.changed", { personIds: [input.survivorId, input.duplicateId] });
    return { moved: moved.reduce((sum, m) => sum + m.rows, 0) };
  }),

  /** The classes of the current school year, to print their letters. */
  classes: admins.query(async ({ ctx }) => {
    const year = await currentSchoolYear(ctx.db, ctx.scope.establishmentId);
    if (!year) return [];
    return ctx.db
      .select({ id: classes.id, name: classes.name })
      .from(classes)
      .where(and(eq(classes.establishmentId, ctx.scope.establishmentId), eq(classes.schoolYearId, year.id)))
      .orderBy(asc(classes.level), asc(classes.name));
  }),

  /** A class's (or the staff's) activation letters: new codes for the accounts still waiting, as one PDF. */
  printLetters: admins
    .input(z.union([z.object({ classId: z.uuid() }), z.object({ staff: z.literal(true) })]))
    .mutation(async ({ ctx, input }) => {
      if ("classId" in input && !(await classInEstablishment(ctx.db, input.classId, ctx.scope.establishmentId))) {
        throw new TRPCError({ code: "FORBIDDEN", message: "errors.forbidden" });
      }
      const letters = await printLetters(ctx.db, ctx.scope.establishmentId, input, ctx.locale);
      if (!letters) return null;
      await audit(ctx, "admin.letters.printed", null, { ...input, people: letters.personIds });
      return { count: letters.count, fileName: letters.fileName, pdf: letters.pdf.toString("base64") };
    }),

  modules: admins.query(async ({ ctx }) => {
    const disabled = await disabledModulesOf(ctx.db, ctx.scope.establishmentId, ctx.bus);
    return MODULES.map((module) => ({ module, enabled: !disabled.has(module) }));
  }),

  setModule: admins.input(z.object({ module: z.enum(MODULES), enabled: z.boolean() })).mutation(async ({ ctx, input }) => {
    await setModuleEnabled(ctx.db, ctx.bus, ctx.scope.establishmentId, input.module, input.enabled);
    await audit(ctx, "admin.module.changed", null, input);
  }),

  schoolYears: admins.query(({ ctx }) => schoolYearsOf(ctx.db, ctx.scope.establishmentId)),

  saveSchoolYear: admins
    .input(
      z.object({
        label: z.string().regex(/^\d{4}-\d{4}$/),
        startsOn: isoDay,
        endsOn: isoDay,
        kind: z.enum(["trimester", "semester"]),
        periods: z.array(z.object({ startsOn: isoDay, endsOn: isoDay })).min(2).max(3),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await saveSchoolYear(ctx.db, ctx.scope.establishmentId, input);
      await audit(ctx, "admin.periods.changed", null, input);
    }),

  retention: admins.query(async ({ ctx }) => ({ auditDays: await auditRetentionDays(ctx.db, ctx.scope.establishmentId) })),

  setRetention: admins.input(z.object({ auditDays: z.number().int().min(30).max(3650) })).mutation(async ({ ctx, input }) => {
    await setAuditRetentionDays(ctx.db, ctx.scope.establishmentId, input.auditDays);
    await audit(ctx, "admin.retention.changed", null, input);
  }),

  audit: admins
    .input(
      z.object({
        personId: z.uuid().optional(),
        action: z.string().max(60).optional(),
        from: isoDay.optional(),
        to: isoDay.optional(),
        page: z.number().int().min(0).max(100_000).default(0),
      }),
    )
    .query(({ ctx, input }) => establishmentAudit(ctx.db, ctx.scope.establishmentId, input)),

  establishments: superAdmins.query(({ ctx }) => listEstablishments(ctx.db)),

  createEstablishment: superAdmins.input(establishmentFields).mutation(async ({ ctx, input }) => {
    const establishment = await createEstablishment(ctx.db, input, ctx.actor.personId);
    await recordAudit(ctx.db, { action: "admin.establishment.created", actorId: ctx.actor.personId, establishmentId: establishment.id, ip: ctx.ip, details: input });
    return { id: establishment.id };
  }),

  /** Corrects an establishment's details; the audit keeps what they were. */
  updateEstablishment: superAdmins.input(establishmentFields.extend({ establishmentId: z.uuid() })).mutation(async ({ ctx, input }) => {
    const { establishmentId, ...fields } = input;
    const previous = await updateEstablishment(ctx.db, establishmentId, fields);
    if (!previous) throw new TRPCError({ code: "NOT_FOUND", message: "errors.notFound" });
    await recordAudit(ctx.db, { action: "admin.establishment.updated", actorId: ctx.actor.personId, establishmentId, ip: ctx.ip, details: { ...fields, previous } });
  }),
});
