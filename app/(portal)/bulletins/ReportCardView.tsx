import type { ReactNode } from "react";
import ui from "@/app/components/ui.module.css";
import type { ReportCardLayout } from "@/server/report-cards/pdf/layout";
import notes from "../notes/notes.module.css";
import styles from "./bulletins.module.css";

interface Props {
  layout: ReportCardLayout;
  /** Unique on the page: names the bulletin's heading and table. */
  id: string;
  /**
   * In the conseil de classe, bulletins follow one another under the pupil's name, without the establishment's
   * header that the full bulletin (families, PDF) carries.
   */
  heading?: string;
  /** Replaces the general appréciation's text: the professeur principal's editor at the conseil de classe. */
  general?: ReactNode;
}

/** A bulletin on the page, from the same layout as its PDF, so that both read the same. */
export function ReportCardView({ layout, id, heading, general }: Props) {
  return (
    <article className={ui.card} aria-labelledby={`${id}-title`}>
      {heading ? (
        <h2 id={`${id}-title`}>{heading}</h2>
      ) : (
        <>
          <header className={styles.cardHead}>
            <div>
              <p className={styles.establishment}>{layout.establishment.name}</p>
              <p className={ui.muted}>{layout.establishmentLine}</p>
            </div>
            <div className={styles.period}>
              <p className={ui.muted}>{layout.schoolYear}</p>
              <h2 id={`${id}-title`}>{layout.title}</h2>
            </div>
          </header>
          <dl className={styles.identity}>
            {layout.identity.map(({ label, value }) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {layout.draftMark ? <p className={ui.chip}>{layout.draftMark}</p> : null}
      <div className={notes.tableWrap} role="group" tabIndex={0} aria-labelledby={`${id}-title`}>
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">{layout.columns.subject}</th>
              <th scope="col">{layout.columns.pupilAverage}</th>
              <th scope="col">{layout.columns.classAverage}</th>
              <th scope="col">{layout.columns.min}</th>
              <th scope="col">{layout.columns.max}</th>
              <th scope="col">{layout.columns.appreciation}</th>
            </tr>
          </thead>
          <tbody>
            {layout.rows.map((row) => (
              <tr key={row.subject}>
                <th scope="row">
                  <span className={styles.subject}>{row.subject}</span>
                  {row.teachers ? <span className={styles.teachers}>{row.teachers}</span> : null}
                </th>
                <td className={`${styles.figure} ${styles.own}`}>{row.pupilAverage}</td>
                <td className={styles.figure}>{row.classAverage}</td>
                <td className={styles.figure}>{row.min}</td>
                <td className={styles.figure}>{row.max}</td>
                <td className={styles.appreciation}>{row.appreciation}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className={styles.overall}>
        <strong>{layout.overall.text}</strong>
        {layout.overall.classFigures ? <span className={ui.muted}> ({layout.overall.classFigures})</span> : null}
      </p>
      {layout.absences ? <p>{layout.absences}</p> : null}
      <section className={styles.general} aria-labelledby={`${id}-general`}>
        <h3 id={`${id}-general`}>{layout.general.title}</h3>
        {general ?? <p>{layout.general.text || "—"}</p>}
      </section>
      {layout.validation || layout.published ? (
        <p className={styles.legal}>{[layout.validation, layout.published].filter(Boolean).join(" · ")}</p>
      ) : null}
    </article>
  );
}
