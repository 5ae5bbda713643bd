"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import { capitalised, formatDay } from "../../days";
import styles from "../../homework.module.css";

/** Past this many estimated minutes for one day, the day is shown as already loaded. */
const HEAVY_DAY_MINUTES = 90;

interface Props {
  lessonId: string;
  plannedOn: string;
  days: string[];
  /** the due date now chosen in the form */
  chosen: string | null;
}

/** What the class and its groups already have to do on the days considered, from every teacher, with its minutes. */
export function WorkloadPanel({ lessonId, plannedOn, days, chosen }: Props) {
  const t = useTranslations("homework.workload");
  const locale = useLocale();
  const trpc = useTRPC();
  const sorted = [...days].sort().slice(0, 10);
  const workload = useQuery({ ...trpc.homework.workload.queryOptions({ lessonId, plannedOn, days: sorted }), enabled: sorted.length > 0 });

  return (
    <section className={ui.card} aria-labelledby="workload" aria-busy={workload.isFetching}>
      <h2 id="workload">{t("title")}</h2>
      <p className={ui.muted}>{t("help")}</p>
      {workload.isError ? <p className={ui.alert}>{t("failed")}</p> : null}
      {sorted.length === 0 ? <p>{t("noDays")}</p> : null}
      <ol className={styles.loadDays}>
        {(workload.data ?? []).map((day) => (
          <li key={day.day} className={day.day === chosen ? `${styles.loadDay} ${styles.loadChosen}` : styles.loadDay}>
            <div className={styles.dayHead}>
              <h3>
                {capitalised(formatDay(day.day, locale), locale)}
                {day.day === chosen ? <span className="visually-hidden"> {t("chosen")}</span> : null}
              </h3>
              <p className={day.totalMinutes >= HEAVY_DAY_MINUTES ? styles.heavy : ui.muted}>
                {t("total", { count: day.items.length, minutes: day.totalMinutes })}
              </p>
            </div>
            {day.items.length ? (
              <ul className={styles.loadItems}>
                {day.items.map((item) => (
                  <li key={item.id}>
                    <span className={styles.loadSubject}>
                      {item.subject} · {item.audience}
                    </span>{" "}
                    <span className={ui.muted}>
                      {item.mine ? t("mine") : (item.author ?? "")}
                      {item.estimatedMinutes ? ` · ${t("minutes", { minutes: item.estimatedMinutes })}` : ""}
                      {item.handIn ? ` · ${t("handIn")}` : ""}
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
