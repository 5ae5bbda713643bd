import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { GRADE_READER_ROLES } from "@/server/policy/roles";
import { hasRole } from "@/server/policy/scope";
import { serverCaller } from "@/server/trpc/request-context";
import { ChildSwitcher, selectedChild } from "../ChildSwitcher";
import { ClassesOverview } from "./ClassesOverview";
import { PupilReportCards } from "./PupilReportCards";
import { TeacherLinks } from "./TeacherLinks";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reportCards"))("title") };
}

type Search = Promise<{ enfant?: string; periode?: string }>;

/**
 * Bulletins: direction's and vie scolaire's classes, a teacher's appréciations and conseils de classe, a pupil's own
 * published bulletins, a guardian's children's.
 */
export default async function ReportCardsPage({ searchParams }: { searchParams: Search }) {
  const { ctx, api } = await serverCaller();
  const t = await getTranslations("reportCards");
  const scope = ctx.actor?.scope;
  const { enfant, periode } = await searchParams;
  const children = scope?.roles.has("guardian") ? await api.me.children() : [];
  const child = selectedChild(children, enfant);
  return (
    <div className={ui.stack}>
      <h1>{t("title")}</h1>
      {scope && hasRole(scope, ...GRADE_READER_ROLES) ? (
        <ClassesOverview periodId={periode} manage={hasRole(scope, "direction")} />
      ) : null}
      {scope?.roles.has("teacher") ? <TeacherLinks /> : null}
      {scope?.roles.has("student") ? (
        <PupilReportCards studentId={scope.personId} periodId={periode} basePath="/bulletins" />
      ) : null}
      {child ? (
        <section className={ui.stack} aria-labelledby="child-cards">
          <h2 id="child-cards">{t("family.of", { name: child.firstName })}</h2>
          <ChildSwitcher items={children} selectedId={child.id} basePath="/bulletins" />
          <PupilReportCards studentId={child.id} periodId={periode} basePath={`/bulletins?enfant=${child.id}`} />
        </section>
      ) : null}
    </div>
  );
}
