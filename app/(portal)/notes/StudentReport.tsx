import { getLocale, getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { roundForDisplay } from "@/server/grades/averages";
import type { ServerApi } from "@/server/trpc/request-context";
import { guarded } from "../guarded";
import { PeriodChips } from "../PeriodChips";
import { formatMark } from "./mark-input";
import styles from "./notes.module.css";

interface Props {
  api: ServerApi;
  studentId: string;
  periodId?: string;
  /** The page's address, to which the period choice is added. */
  basePath: string;
}

/** A pupil's relevé de notes for one period: every published mark by subject, the averages and the class's. */
export async function StudentReport({ api, studentId, periodId, basePath }: Props) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const [report, { periods }] = await Promise.all([
    guarded(() => api.grades.report({ studentId, periodId })),
    api.grades.periods(),
  ]);
  const average = (value: number | null | undefined) =>
    value == null ? "—" : formatMark(roundForDisplay(value), locale);
  const separator = basePath.includes("?") ? "&" : "?";

  return (
    <div className={ui.stack}>
      <PeriodChips
        periods={periods}
        selectedId={report?.periodId}
        hrefOf={(id) => `${basePath}${separator}periode=${id}`}
        label={t("grades.period")}
      />
      {!report || report.subjects.length === 0 ? (
        <p className={ui.card}>{t("grades.noMarks")}</p>
      ) : (
        <>
          <p className={`${ui.card} ${styles.overall}`}>
            {t.rich("grades.overallValue", { value: average(report.overall), strong: (text) => <strong>{text}</strong> })}
          </p>
          {report.subjects.map((subject) => (
            <section key={subject.subjectId} className={ui.card} aria-labelledby={`subject-${subject.subjectId}`}>
              <div className={styles.subjectHead}>
                <h2 id={`subject-${subject.subjectId}`}>{subject.subject}</h2>
                <p>
                  {t("grades.subjectAverage")} <strong>{average(subject.average)}</strong> · {t("grades.classAverage")}{" "}
                  {average(subject.classStatistics?.average)}
                </p>
              </div>
              <div className={styles.tableWrap} role="group" tabIndex={0} aria-labelledby={`subject-${subject.subjectId}`}>
                <table className={styles.table}>
                  <thead>
                    <tr>
                      <th scope="col">{t("grades.evaluation")}</th>
                      <th scope="col">{t("grades.date")}</th>
                      <th scope="col">{t("grades.mark")}</th>
                      <th scope="col">{t("grades.coefficientShort")}</th>
                      <th scope="col">{t("grades.classAverage")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {subject.evaluations.map((evaluation) => (
                      <tr key={evaluation.id}>
                        <th scope="row">
                          {evaluation.title}
                          {evaluation.kind !== "normal" ? (
                            <span className={ui.muted}> ({t(evaluation.kind === "bonus" ? "grades.bonusMark" : "grades.optionalMark")})</span>
                          ) : null}
                          {evaluation.comment ? <span className={styles.comment}>{evaluation.comment}</span> : null}
                        </th>
                        <td>{new Date(`${evaluation.givenOn}T12:00:00Z`).toLocaleDateString(locale)}</td>
                        <td className={styles.mark}>
                          {evaluation.value != null
                            ? t("grades.outOfValue", { value: formatMark(evaluation.value, locale), outOf: formatMark(evaluation.outOf, locale) })
                            : t(`grades.statuses.${evaluation.status as "absent"}`)}
                        </td>
                        <td>{formatMark(evaluation.coefficient, locale)}</td>
                        <td>{evaluation.statistics ? formatMark(roundForDisplay(evaluation.statistics.average), locale) : "—"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ))}
        </>
      )}
    </div>
  );
}
