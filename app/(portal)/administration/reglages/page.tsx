import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { serverCaller } from "@/server/trpc/request-context";
import { ModulesForm } from "./ModulesForm";
import { RetentionForm } from "./RetentionForm";
import { SchoolYearForm } from "./SchoolYearForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.settings"))("title") };
}

/** The establishment's settings: its services, its school year's periods, how long its audit log is kept. */
export default async function SettingsPage() {
  const { api } = await serverCaller();
  const t = await getTranslations("admin.settings");
  const [modules, years, retention] = await Promise.all([api.admin.modules(), api.admin.schoolYears(), api.admin.retention()]);
  return (
    <>
      <section className={`${ui.card} ${ui.stack}`} aria-labelledby="modules-title">
        <h2 id="modules-title">{t("modulesTitle")}</h2>
        <p>{t("modulesIntro")}</p>
        <ModulesForm modules={modules} />
      </section>
      <section className={`${ui.card} ${ui.stack}`} aria-labelledby="year-title">
        <h2 id="year-title">{t("yearTitle")}</h2>
        <p>{t("yearIntro")}</p>
        <SchoolYearForm year={years[0] ?? null} />
      </section>
      <section className={`${ui.card} ${ui.stack}`} aria-labelledby="retention-title">
        <h2 id="retention-title">{t("retentionTitle")}</h2>
        <p>{t("retentionIntro")}</p>
        <RetentionForm days={retention.auditDays} />
      </section>
    </>
  );
}
