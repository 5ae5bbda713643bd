import Link from "next/link";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { can } from "@/server/policy/policy";
import { serverCaller } from "@/server/trpc/request-context";
import { guarded } from "../../../guarded";
import styles from "../../../portal.module.css";

/** A pupil's card (fiche élève): class, groups, and guardians with how to reach them. */
export default async function StudentCardPage({ params }: { params: Promise<{ studentId: string }> }) {
  const { studentId } = await params;
  const { ctx, api } = await serverCaller();
  const t = await getTranslations();
  const card = await guarded(() => api.directory.studentCard({ studentId }));
  const scope = ctx.actor?.scope;
  const [seesGrades, seesAbsences] = scope
    ? await Promise.all([can(ctx.db, scope, "student.grades", studentId), can(ctx.db, scope, "student.attendance", studentId)])
    : [false, false];
  return (
    <div className={ui.stack}>
      <p>
        <Link href={card.class ? `/annuaire/classe/${card.class.id}` : "/annuaire"}>{t("directory.back")}</Link>
      </p>
      <h1>
        {card.firstName} {card.lastName}
      </h1>
      <div className={styles.grid}>
        <section className={ui.card}>
          <p className={styles.figure}>{card.class?.name ?? "—"}</p>
          {seesGrades ? (
            <p>
              <Link href={`/notes/eleve/${studentId}`}>{t("grades.report")}</Link>
            </p>
          ) : null}
          {seesAbsences ? (
            <p>
              <Link href={`/absences/eleve/${studentId}`}>{t("attendance.title")}</Link>
            </p>
          ) : null}
          <ul className={ui.chips}>
            {card.groups.map((g) => (
              <li key={g.id} className={ui.chip}>
                {g.name}
              </li>
            ))}
          </ul>
        </section>
        <section className={ui.card} aria-labelledby="guardians">
          <h2 id="guardians">{t("directory.guardians")}</h2>
          <ul className={styles.list}>
            {card.guardians.map((g) => (
              <li key={g.id} className={styles.listItem}>
                <span>
                  <strong>
                    {g.firstName} {g.lastName}
                  </strong>{" "}
                  · {t(`directory.relationship.${g.relationship}`)}
                  {g.receivesInformation ? <span className={ui.muted}> · {t("directory.receivesInformation")}</span> : null}
                </span>
                <span className={ui.muted}>
                  {g.email ? <a href={`mailto:${g.email}`}>{g.email}</a> : null} {g.phone}
                </span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
