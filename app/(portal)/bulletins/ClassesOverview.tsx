import Link from "next/link";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { serverCaller } from "@/server/trpc/request-context";
import notes from "../notes/notes.module.css";
import styles from "./bulletins.module.css";
import { PeriodChips } from "../PeriodChips";
import { StatusActions } from "./StatusActions";

/**
 * Every class's bulletins for a period, for direction (who validates, reopens and publishes) and for vie scolaire and
 * secrétariat (who follow them): status, appréciations written, conseil de classe and the class's PDF.
 */
export async function ClassesOverview({ periodId, manage }: { periodId?: string; manage: boolean }) {
  const { api } = await serverCaller();
  const t = await getTranslations("reportCards");
  const [overview, { periods }] = await Promise.all([api.reportCards.overview({ periodId }), api.grades.periods()]);
  if (!overview) return <p className={ui.card}>{t("direction.noClasses")}</p>;
  const progress = (p: { written: number; expected: number }) => t("direction.progress", p);
  return (
    <section className={`${ui.card} ${ui.stack}`} aria-labelledby="classes-title">
      <h2 id="classes-title">{t("direction.title")}</h2>
      <PeriodChips
        periods={periods}
        selectedId={overview.periodId}
        hrefOf={(id) => `/bulletins?periode=${id}`}
        label={t("period")}
      />
      {overview.classes.length === 0 ? <p>{t("direction.noClasses")}</p> : null}
      <div className={notes.tableWrap} role="group" tabIndex={0} aria-labelledby="classes-title">
        <table className={styles.classes}>
          <thead>
            <tr>
              <th scope="col">{t("class")}</th>
              <th scope="col">{t("direction.pupils")}</th>
              <th scope="col">{t("direction.subjectProgress")}</th>
              <th scope="col">{t("direction.generalProgress")}</th>
              <th scope="col">{t("direction.status")}</th>
              <th scope="col">{t("direction.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {overview.classes.map((row) => (
              <tr key={row.id}>
                <th scope="row">
                  <Link href={`/bulletins/classe/${row.id}?periode=${overview.periodId}`} aria-label={t("direction.openLabel", { className: row.name })}>
                    {row.name}
                  </Link>
                </th>
                <td>{row.pupils}</td>
                <td>{progress(row.subjectAppreciations)}</td>
                <td>{progress(row.generalAppreciations)}</td>
                <td>
                  <span className={`${ui.chip} ${styles.status}`} data-status={row.status}>
                    {t(`statuses.${row.status}`)}
                  </span>
                </td>
                <td>
                  <div className={styles.actions}>
                    {manage ? (
                      <StatusActions classId={row.id} className={row.name} periodId={overview.periodId} status={row.status} />
                    ) : null}
                    <a
                      href={`/api/bulletins/classe/${row.id}/${overview.periodId}`}
                      download
                      aria-label={t("direction.pdfLabel", { className: row.name })}
                    >
                      {t("direction.pdf")}
                    </a>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
