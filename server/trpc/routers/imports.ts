import { TRPCError } from "@trpc/server";
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { schoolYears } from "@/drizzle/schema";
import { recordAudit } from "@/server/audit";
import { DomainError } from "@/server/domain-error";
import { applyImport } from "@/server/imports/apply";
import { FILE_KINDS } from "@/server/imports/columns";
import { MAX_UPLOAD_BYTES } from "@/server/imports/limits";
import { planImport, type RosterFiles } from "@/server/imports/plan";
import { exportOneRoster } from "@/server/imports/oneroster-export";
import { importReport } from "@/server/imports/report";
import { translatedMessage } from "../errors";
import { roleProcedure, router } from "../init";

const admins = roleProcedure("admin");

/** A file travels as base64; one over its limit (CSV or XML) still reaches the importer, which says it is too large. */
const base64File = z.base64().max(Math.ceil((MAX_UPLOAD_BYTES * 4) / 3)).optional();

const importInput = z.object({
  schoolYearId: z.uuid(),
  /** the four kinds (CSV, or SIECLE XML for pupils and guardians), or one OneRoster package (a ZIP) */
  files: z.object({
    ...(Object.fromEntries(FILE_KINDS.map((kind) => [kind, base64File])) as Record<(typeof FILE_KINDS)[number], typeof base64File>),
    oneRoster: base64File,
  }),
});

function filesOf(input: z.output<typeof importInput>): RosterFiles {
  const files: RosterFiles = {};
  for (const kind of [...FILE_KINDS, "oneRoster"] as const) {
    const content = input.files[kind];
    if (content) files[kind] = new Uint8Array(Buffer.from(content, "base64"));
  }
  if (Object.keys(files).length === 0) throw new DomainError("imports.errors.noFile");
  return files;
}

/** The school year the import targets must be one of the establishment's. */
async function checkYear(ctx: { db: import("@/server/db").Db; scope: { establishmentId: string } }, schoolYearId: string) {
  const [year] = await ctx.db
    .select({ id: schoolYears.id })
    .from(schoolYears)
    .where(and(eq(schoolYears.id, schoolYearId), eq(schoolYears.establishmentId, ctx.scope.establishmentId)));
  if (!year) throw new TRPCError({ code: "FORBIDDEN", message: "errors.forbidden" });
}

/** Step events of an import being applied, streamed to the page as they happen. */
export type ImportEvent =
  | { type: "progress"; done: number; total: number }
  | { type: "done"; created: number; updated: number; leavers: number; classes: number; groups: number }
  | { type: "failed"; message: string };

/** Roster imports (administration): the establishment's school years, the dry run, applying it, and the OneRoster export. */
export const importsRouter = router({
  /** The current year's roster as a OneRoster 1.2 CSV package (ZIP), for international tools. */
  exportOneRoster: admins.mutation(async ({ ctx }) => {
    const zip = await exportOneRoster(ctx.db, ctx.scope.establishmentId);
    await recordAudit(ctx.db, { action: "admin.roster.exported", actorId: ctx.scope.personId, establishmentId: ctx.scope.establishmentId, ip: ctx.ip });
    return { zip: Buffer.from(zip).toString("base64") };
  }),

  schoolYears: admins.query(({ ctx }) =>
    ctx.db
      .select({ id: schoolYears.id, label: schoolYears.label, startsOn: schoolYears.startsOn, endsOn: schoolYears.endsOn })
      .from(schoolYears)
      .where(eq(schoolYears.establishmentId, ctx.scope.establishmentId))
      .orderBy(asc(schoolYears.startsOn)),
  ),

  /** The dry run: every line with its errors and changes, and the leavers. A mutation because files are large. Writes nothing. */
  preview: admins.input(importInput).mutation(async ({ ctx, input }) => {
    await checkYear(ctx, input.schoolYearId);
    return importReport(await planImport(ctx.db, ctx.scope.establishmentId, input.schoolYearId, filesOf(input)));
  }),

  /**
   * Applies the import in one transaction and streams its progress, then its outcome. A plan with any error
   * writes nothing and ends with "failed".
   */
  run: admins.input(importInput).mutation(async function* ({ ctx, input }): AsyncGenerator<ImportEvent> {
    await checkYear(ctx, input.schoolYearId);
    const files = filesOf(input);
    const events: ImportEvent[] = [];
    let wake: () => void = () => {};
    const push = (event: ImportEvent) => {
      events.push(event);
      wake();
    };
    let finished = false;
    const work = applyImport(ctx.db, ctx.scope.establishmentId, input.schoolYearId, files, (done, total) => push({ type: "progress", done, total }))
      .then(async ({ created, updated, leavers, classes, groups, affected }) => {
        const summary = { created, updated, leavers, classes, groups };
        await recordAudit(ctx.db, {
          action: "admin.import.applied",
          actorId: ctx.scope.personId,
          establishmentId: ctx.scope.establishmentId,
          ip: ctx.ip,
          details: { files: Object.keys(files), ...summary },
        });
        await ctx.bus.publish("scope.changed", { personIds: affected });
        push({ type: "done", ...summary });
      })
      .catch((error: unknown) => {
        const key = error instanceof DomainError ? error.key : "errors.internal";
        if (!(error instanceof DomainError)) console.error("[imports] applying failed", error);
        push({ type: "failed", message: translatedMessage(new TRPCError({ code: "BAD_REQUEST", message: key }), ctx.locale) });
      })
      .finally(() => {
        finished = true;
        wake();
      });
    while (!finished || events.length) {
      if (events.length) yield events.shift()!;
      else await new Promise<void>((resolve) => (wake = resolve));
    }
    await work;
  }),
});
