import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { currentSchoolYear } from "@/server/services/school-year";
import { serverCaller } from "@/server/trpc/request-context";
import { ImportForm } from "./ImportForm";
import { OneRosterExport } from "./OneRosterExport";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("imports"))("title") };
}

/** Importing the establishment's accounts from the files its school software exports (docs/imports.md). */
export default async function ImportPage() {
  const { ctx, api } = await serverCaller();
  const t = await getTranslations("imports");
  const [years, current] = await Promise.all([api.imports.schoolYears(), currentSchoolYear(ctx.db, ctx.actor!.scope!.establishmentId)]);
  return (
    <>
      <section className={`${ui.card} ${ui.stack}`} aria-labelledby="import-title">
        <h2 id="import-title">{t("title")}</h2>
        <p>{t("intro")}</p>
        <ImportForm years={years.map(({ id, label }) => ({ id, label }))} currentYearId={current?.id ?? years.at(-1)?.id ?? ""} />
      </section>
      <section className={`${ui.card} ${ui.stack}`} aria-labelledby="oneroster-title">
        <h2 id="oneroster-title">{t("oneRoster.title")}</h2>
        <p>{t("oneRoster.intro")}</p>
        <OneRosterExport />
      </section>
    </>
  );
}
