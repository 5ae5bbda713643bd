import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import type { ServerApi } from "@/server/trpc/request-context";
import styles from "../portal.module.css";

/** A pupil's homework due in the coming days, with what they have already ticked done. */
export async function HomeworkDue({ api, studentId, homeworkHref }: { api: ServerApi; studentId: string; homeworkHref: string }) {
  const [t, format, days] = await Promise.all([getTranslations("home"), getFormatter(), api.home.homeworkDue({ studentId })]);
  return (
    <section className={ui.card} aria-labelledby={`homework-${studentId}`}>
      <h2 id={`homework-${studentId}`}>{t("homeworkDue")}</h2>
      {days.length === 0 ? <p className={ui.muted}>{t("noHomeworkDue")}</p> : null}
      {days.map(({ day, homework }) => (
        <div key={day}>
          <h3>{t("dueOn", { day: format.dateTime(new Date(`${day}T12:00:00Z`), { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" }) })}</h3>
          <ul className={styles.list}>
            {homework.map((item) => (
              <li key={item.id} className={styles.listItem}>
                <span>
                  {item.subject.name}
                  {item.estimatedMinutes ? <span className={ui.muted}> · {t("minutes", { count: item.estimatedMinutes })}</span> : null}
                </span>
                {item.done ? <strong>{t("done")}</strong> : item.handIn ? <span className={ui.chip}>{t("handIn")}</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ))}
      <p>
        <Link href={homeworkHref}>{t("seeHomework")}</Link>
      </p>
    </section>
  );
}
