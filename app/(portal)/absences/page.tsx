import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { serverCaller } from "@/server/trpc/request-context";
import { ChildSwitcher, selectedChild } from "../ChildSwitcher";
import { PupilAbsences } from "./PupilAbsences";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("attendance"))("title") };
}

type Search = Promise<{ enfant?: string; periode?: string }>;

/** Absences et retards: a pupil's own (read only), a guardian's children's, which they justify. */
export default async function AbsencesPage({ searchParams }: { searchParams: Search }) {
  const { ctx, api } = await serverCaller();
  const t = await getTranslations("attendance");
  const scope = ctx.actor?.scope;
  const { enfant, periode } = await searchParams;
  const children = scope?.roles.has("guardian") ? await api.me.children() : [];
  const child = selectedChild(children, enfant);
  return (
    <div className={ui.stack}>
      <h1>{t("title")}</h1>
      {scope?.roles.has("student") ? (
        <>
          <p className={ui.hint}>{t("pupil.readOnlyHint")}</p>
          <PupilAbsences api={api} studentId={scope.personId} periodId={periode} basePath="/absences" canJustify={false} />
        </>
      ) : null}
      {child ? (
        <section className={ui.stack} aria-labelledby="child-absences">
          <h2 id="child-absences">{t("pupil.ofChild", { name: child.firstName })}</h2>
          <ChildSwitcher items={children} selectedId={child.id} basePath="/absences" />
          <PupilAbsences api={api} studentId={child.id} periodId={periode} basePath={`/absences?enfant=${child.id}`} canJustify />
        </section>
      ) : null}
    </div>
  );
}
