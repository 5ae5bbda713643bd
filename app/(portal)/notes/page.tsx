import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { GRADE_READER_ROLES } from "@/server/policy/roles";
import { hasRole } from "@/server/policy/scope";
import { serverCaller } from "@/server/trpc/request-context";
import { ChildSwitcher, selectedChild } from "../ChildSwitcher";
import styles from "../portal.module.css";
import { StudentReport } from "./StudentReport";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("grades"))("title") };
}

type Search = Promise<{ enfant?: string; periode?: string }>;

/** Notes: a teacher's classes to mark, a pupil's own report, a guardian's children's reports. */
export default async function GradesPage({ searchParams }: { searchParams: Search }) {
  const { ctx, api } = await serverCaller();
  const t = await getTranslations("grades");
  const scope = ctx.actor?.scope;
  const { enfant, periode } = await searchParams;
  const children = scope?.roles.has("guardian") ? await api.me.children() : [];
  const child = selectedChild(children, enfant);
  const assignments = scope?.roles.has("teacher") ? await api.grades.myAssignments() : [];

  return (
    <div className={ui.stack}>
      <h1>{t("title")}</h1>
      {scope?.roles.has("teacher") ? (
        <section className={ui.card} aria-labelledby="services">
          <h2 id="services">{t("myServices")}</h2>
          {assignments.length === 0 ? <p>{t("noServices")}</p> : null}
          <ul className={styles.list}>
            {assignments.map((a) => (
              <li key={a.id} className={styles.listItem}>
                <Link href={`/notes/service/${a.id}`}>
                  {t("evaluationsOf", { subject: a.subject, target: a.className ?? a.groupName ?? "" })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {scope && hasRole(scope, ...GRADE_READER_ROLES) ? (
        <p className={ui.card}>
          <Link href="/annuaire">{t("staffHint")}</Link>
        </p>
      ) : null}
      {scope?.roles.has("student") ? (
        <StudentReport api={api} studentId={scope.personId} periodId={periode} basePath="/notes" />
      ) : null}
      {child ? (
        <section className={ui.stack} aria-labelledby="child-report">
          <h2 id="child-report">{t("reportOf", { name: child.firstName })}</h2>
          <ChildSwitcher items={children} selectedId={child.id} basePath="/notes" />
          <StudentReport api={api} studentId={child.id} periodId={periode} basePath={`/notes?enfant=${child.id}`} />
        </section>
      ) : null}
    </div>
  );
}
