import Link from "next/link";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import type { ServerApi } from "@/server/trpc/request-context";
import styles from "../portal.module.css";

/** The teacher's lessons of today whose roll call is still to take. */
export async function RollCallsToTake({ api }: { api: ServerApi }) {
  const [t, lessons] = await Promise.all([getTranslations("home"), api.home.rollCallsToTake()]);
  return (
    <section className={ui.card} aria-labelledby="roll-calls">
      <h2 id="roll-calls">{t("rollCalls")}</h2>
      {lessons.length === 0 ? <p className={ui.muted}>{t("noRollCalls")}</p> : null}
      <ul className={styles.list}>
        {lessons.map(({ occurrence }) => (
          <li key={`${occurrence.lessonId}/${occurrence.plannedOn}`} className={styles.listItem}>
            <span>
              {occurrence.subject.name} · {occurrence.audience.name}
              <br />
              <span className={ui.muted}>
                {occurrence.startsAt}–{occurrence.endsAt}
              </span>
            </span>
            <Link
              href={`/appel/${occurrence.lessonId}/${occurrence.plannedOn}`}
              aria-label={t("takeRollCallFor", {
                lesson: `${occurrence.subject.name} ${occurrence.audience.name} ${occurrence.startsAt}`,
              })}
            >
              {t("takeRollCall")}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
