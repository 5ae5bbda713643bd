import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import type { ServerApi } from "@/server/trpc/request-context";
import { guarded } from "../guarded";
import { PeriodChips } from "../PeriodChips";
import { AbsenceWhen, describeAbsence } from "./AbsenceWhen";
import styles from "./attendance.module.css";
import { JustifyForm } from "./JustifyForm";
import { StatusBadge } from "./StatusBadge";

interface Props {
  api: ServerApi;
  studentId: string;
  periodId?: string;
  /** The page's address, to which the period choice is added. */
  basePath: string;
  /** a guardian may justify; the pupil and staff read */
  canJustify: boolean;
  /** vie scolaire opens every document; a guardian only those they sent */
  allDocuments?: boolean;
}

/** A pupil's absences and lates over a period: the counts, then each one with its status and justification. */
export async function PupilAbsences({ api, studentId, periodId, basePath, canJustify, allDocuments = false }: Props) {
  const t = await getTranslations("attendance");
  const [data, { periods }] = await Promise.all([
    guarded(() => api.attendance.ofStudent({ studentId, periodId })),
    api.grades.periods(),
  ]);
  const separator = basePath.includes("?") ? "&" : "?";
  if (!data) return <p className={ui.card}>{t("pupil.none")}</p>;
  const { counts } = data;
  return (
    <div className={ui.stack}>
      <PeriodChips
        periods={periods}
        selectedId={data.periodId}
        hrefOf={(id) => `${basePath}${separator}periode=${id}`}
        label={t("pupil.period")}
      />
      <section className={ui.card} aria-labelledby={`counts-${studentId}`}>
        <h2 id={`counts-${studentId}`}>{t("pupil.counts")}</h2>
        <p className={styles.counts}>
          <span>
            <strong>{t("pupil.halfDays", { count: counts.halfDays })}</strong>
            {counts.halfDays ? (
              <>
                <br />
                {t("pupil.halfDaysSplit", { justified: counts.justifiedHalfDays, unjustified: counts.unjustifiedHalfDays })}
              </>
            ) : null}
          </span>
          <strong>{t("pupil.lates", { count: counts.lates })}</strong>
        </p>
      </section>
      <section className={ui.card} aria-labelledby={`list-${studentId}`}>
        <h2 id={`list-${studentId}`}>{t("pupil.list")}</h2>
        {data.absences.length === 0 ? <p>{t("pupil.none")}</p> : null}
        <ul className={styles.rows}>
          {data.absences.map((absence) => {
            const { justification } = absence;
            const justifiable = canJustify && (absence.status === "unjustified" || absence.status === "refused");
            return (
              <li key={absence.id} className={styles.row}>
                <span className={styles.rowMain}>
                  <span className={styles.titleLine}>
                    <span className={styles.rowTitle}>{t(`kinds.${absence.kind}`)}</span>
                    <StatusBadge status={absence.status} />
                  </span>
                  <span>
                    <AbsenceWhen absence={absence} />
                  </span>
                  {absence.status === "accepted" && absence.reason ? <span>{t(`reasons.${absence.reason}`)}</span> : null}
                  {justification ? (
                    <span className={styles.justification}>
                      {t("pupil.justification", {
                        name: justification.submitterName ?? "—",
                        at: justification.submittedAt,
                        reason: t(`reasons.${justification.reason}`),
                      })}
                      {justification.comment ? (
                        <>
                          <br />
                          {t("quoted", { text: justification.comment })}
                        </>
                      ) : null}
                      {justification.documentName && (allDocuments || justification.documentIsMine) ? (
                        <>
                          <br />
                          <a href={`/api/absences/justificatifs/${justification.id}`} download>
                            {t("pupil.download")}
                          </a>
                        </>
                      ) : null}
                    </span>
                  ) : null}
                  {absence.staffComment ? <span>{t("pupil.staffComment", { comment: absence.staffComment })}</span> : null}
                </span>
                {justifiable ? (
                  <JustifyForm absenceId={absence.id} again={absence.status === "refused"} what={describeAbsence(t, absence)} />
                ) : null}
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
