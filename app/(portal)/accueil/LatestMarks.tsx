import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import type { ServerApi } from "@/server/trpc/request-context";
import { formatMark } from "../notes/mark-input";
import styles from "../portal.module.css";

/** The newest published marks of a pupil, on their home and their guardians'. */
export async function LatestMarks({ api, studentId, reportHref }: { api: ServerApi; studentId: string; reportHref: string }) {
  const [t, locale] = await Promise.all([getTranslations("grades"), getLocale()]);
  const marks = await api.grades.latest({ studentId });
  return (
    <section className={ui.card} aria-labelledby={`latest-${studentId}`}>
      <h2 id={`latest-${studentId}`}>{t("latest")}</h2>
      {marks.length === 0 ? <p className={ui.muted}>{t("noLatest")}</p> : null}
      <ul className={styles.list}>
        {marks.map((mark) => (
          <li key={mark.evaluationId} className={styles.listItem}>
            <span>
              {mark.subject}
              <br />
              <span className={ui.muted}>{mark.title}</span>
            </span>
            <strong>
              {mark.value != null
                ? t("outOfValue", { value: formatMark(mark.value, locale), outOf: formatMark(mark.outOf, locale) })
                : t(`statuses.${mark.status as "absent"}`)}
            </strong>
          </li>
        ))}
      </ul>
      <p>
        <Link href={reportHref}>{t("seeAll")}</Link>
      </p>
    </section>
  );
}
