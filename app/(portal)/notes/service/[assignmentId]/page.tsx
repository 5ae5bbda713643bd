import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { serverCaller } from "@/server/trpc/request-context";
import { guarded } from "../../../guarded";
import styles from "../../../portal.module.css";
import { formatMark } from "../../mark-input";
import { NewEvaluationForm } from "./NewEvaluationForm";

/** A teacher's evaluations for one class or group in one subject, and a new one. */
export default async function AssignmentPage({ params }: { params: Promise<{ assignmentId: string }> }) {
  const { assignmentId } = await params;
  const { api } = await serverCaller();
  const [t, tReportCards, locale] = await Promise.all([
    getTranslations("grades"),
    getTranslations("reportCards.teacher"),
    getLocale(),
  ]);
  const [{ assignment, evaluations }, { periods, currentId }] = await Promise.all([
    guarded(() => api.grades.evaluations({ assignmentId })),
    api.grades.periods(),
  ]);
  const target = assignment.className ?? assignment.groupName ?? "";
  return (
    <div className={ui.stack}>
      <p>
        <Link href="/notes">{t("myServices")}</Link>
      </p>
      <h1>{t("evaluationsOf", { subject: assignment.subject, target })}</h1>
      <p className={styles.actionsRow}>
        <Link href={`/bulletins/appreciations/${assignmentId}`}>{tReportCards("appreciationsLink")}</Link>
        {currentId ? (
          // A download, not a page: a plain link.
          <a href={`/api/notes/${assignmentId}/export?periode=${currentId}`} download>
            {t("export.download")}
          </a>
        ) : null}
      </p>
      <div className={styles.grid}>
        <section className={ui.card} aria-labelledby="evaluations">
          <h2 id="evaluations">{t("title")}</h2>
          {evaluations.length === 0 ? <p>{t("noEvaluations")}</p> : null}
          <ul className={styles.list}>
            {evaluations.map((e) => (
              <li key={e.id} className={styles.listItem}>
                <span>
                  <Link href={`/notes/evaluation/${e.id}`}>{e.title}</Link>
                  <br />
                  <span className={ui.muted}>
                    {new Date(`${e.givenOn}T12:00:00Z`).toLocaleDateString(locale)} · /{formatMark(e.outOf, locale)} ·{" "}
                    {t("marksEntered", { count: e.marksEntered })}
                  </span>
                </span>
                <span className={ui.chip}>{e.publishedAt ? t("published") : t("draft")}</span>
              </li>
            ))}
          </ul>
        </section>
        <section className={ui.card} aria-labelledby="new-evaluation">
          <h2 id="new-evaluation">{t("newEvaluation")}</h2>
          <NewEvaluationForm
            assignmentId={assignmentId}
            periods={periods.map((p) => ({ id: p.id, kind: p.kind, ordinal: p.ordinal }))}
            currentPeriodId={currentId}
          />
        </section>
      </div>
    </div>
  );
}
