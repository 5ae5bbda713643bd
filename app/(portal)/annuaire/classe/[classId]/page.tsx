import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { SCHOOL_RECORD_ROLES } from "@/server/policy/roles";
import { hasRole } from "@/server/policy/scope";
import { serverCaller } from "@/server/trpc/request-context";
import { guarded } from "../../../guarded";
import styles from "../../../portal.module.css";

/** A class's roster: pupils, and the teaching team with the professeur principal. Only for who the policy allows. */
export default async function ClassRosterPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const { ctx, api } = await serverCaller();
  const scope = ctx.actor?.scope;
  const opensCards = scope ? hasRole(scope, "teacher", ...SCHOOL_RECORD_ROLES) : false;
  const t = await getTranslations("directory");
  const roster = await guarded(() => api.directory.classRoster({ classId }));
  if (!roster.class) notFound();
  return (
    <div className={ui.stack}>
      <p>
        <Link href="/annuaire">{t("back")}</Link>
      </p>
      <h1>{t("rosterOf", { name: roster.class.name })}</h1>
      <div className={styles.grid}>
        <section className={ui.card} aria-labelledby="teachers">
          <h2 id="teachers">{t("teachers")}</h2>
          <ul className={styles.list}>
            {roster.teachers.map((teacher) => (
              <li key={`${teacher.id}-${teacher.subject}`} className={styles.listItem}>
                <span>
                  {teacher.firstName} {teacher.lastName}
                  {teacher.isLeadTeacher ? <span className={ui.chip}> {t("leadTeacher")}</span> : null}
                </span>
                <span className={ui.muted}>{teacher.subject}</span>
              </li>
            ))}
          </ul>
        </section>
        <section className={ui.card} aria-labelledby="pupils">
          <h2 id="pupils">
            {t("pupils")} ({roster.pupils.length})
          </h2>
          <ul className={styles.list}>
            {roster.pupils.map((pupil) => (
              <li key={pupil.id} className={styles.listItem}>
                {opensCards ? (
                  <Link href={`/annuaire/eleve/${pupil.id}`}>
                    {pupil.lastName.toUpperCase()} {pupil.firstName}
                  </Link>
                ) : (
                  <span>
                    {pupil.lastName.toUpperCase()} {pupil.firstName}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
