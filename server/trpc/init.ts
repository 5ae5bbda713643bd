import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import type { z } from "zod";
import { DomainError } from "@/server/domain-error";
import { moduleOfPath } from "@/server/modules/modules";
import { disabledModulesOf } from "@/server/modules/settings";
import { can, type Permission } from "@/server/policy/policy";
import type { Role } from "@/server/policy/roles";
import { hasRole } from "@/server/policy/scope";
import type { Context } from "./context";
import { translatedFieldErrors, translatedMessage } from "./errors";

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error, ctx }) {
    const locale = ctx?.locale ?? "fr";
    return {
      ...shape,
      message: translatedMessage(error, locale),
      data: { ...shape.data, stack: undefined, fieldErrors: translatedFieldErrors(error, locale) },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Anyone, signed in or not. A service's DomainError reaches the person as a translated BAD_REQUEST. */
export const publicProcedure = t.procedure.use(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    throw new TRPCError({ code: "BAD_REQUEST", message: result.error.cause.key, cause: result.error.cause });
  }
  return result;
});

/** A person with a valid session. */
export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.actor) throw new TRPCError({ code: "UNAUTHORIZED", message: "errors.unauthorized" });
  return next({ ctx: { actor: ctx.actor } });
});

/**
 * A signed-in person acting in their active establishment, where they hold at least one profile. A call to the router
 * of a module the establishment switched off is refused here, for every procedure of that module.
 */
export const establishmentProcedure = authedProcedure.use(async ({ ctx, path, next }) => {
  const { scope } = ctx.actor;
  if (!scope) throw new TRPCError({ code: "FORBIDDEN", message: "errors.noEstablishment" });
  const service = moduleOfPath(path);
  if (service && (await disabledModulesOf(ctx.db, scope.establishmentId, ctx.bus)).has(service)) {
    throw new TRPCError({ code: "FORBIDDEN", message: "errors.moduleDisabled" });
  }
  return next({ ctx: { scope } });
});

/** Only people holding one of these roles in their active establishment (e.g. staff only). */
export function roleProcedure(...roles: Role[]) {
  return establishmentProcedure.use(({ ctx, next }) => {
    if (!hasRole(ctx.scope, ...roles)) throw new TRPCError({ code: "FORBIDDEN", message: "errors.forbidden" });
    return next();
  });
}

/**
 * Object-scoped: validates the input, then asks the access policy whether the caller may do `permission` to the
 * object the input names. Refusals do not say whether the object exists.
 */
export function objectProcedure<Schema extends z.ZodType>(
  schema: Schema,
  permission: Permission,
  targetOf: (input: z.output<Schema>) => string,
) {
  return establishmentProcedure.input(schema).use(async ({ ctx, input, next }) => {
    if (!(await can(ctx.db, ctx.scope, permission, targetOf(input as z.output<Schema>)))) {
      throw new TRPCError({ code: "FORBIDDEN", message: "errors.forbidden" });
    }
    return next();
  });
}
