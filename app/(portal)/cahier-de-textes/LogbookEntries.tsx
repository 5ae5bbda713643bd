import { getLocale, getTranslations } from "next-intl/server";
import { RichText } from "@/app/components/RichText";
import ui from "@/app/components/ui.module.css";
import type { LogbookEntry } from "@/server/homework/logbook";
import { capitalised, formatDay } from "./days";
import styles from "./homework.module.css";

interface Props {
  entries: LogbookEntry[];
  /** a pupil reads their cahier de textes subject by subject; staff read a class's day by day */
  groupBy: "subject" | "day";
}

/** Cahier de textes entries: what was done in each lesson, and the homework given in it. */
export async function LogbookEntries({ entries, groupBy }: Props) {
  const [t, locale] = await Promise.all([getTranslations("homework"), getLocale()]);
  const groupOf = (entry: LogbookEntry) => (groupBy === "subject" ? entry.subject.name : entry.date);
  const groups = [...new Set(entries.map(groupOf))];
  if (groupBy === "subject") groups.sort((a, b) => a.localeCompare(b, locale));
  return (
    <div className={ui.stack}>
      {groups.map((group) => (
        <section key={group} className={ui.card} aria-label={groupBy === "subject" ? group : capitalised(formatDay(group, locale), locale)}>
          <h2>{groupBy === "subject" ? group : capitalised(formatDay(group, locale), locale)}</h2>
          <ol className={styles.entries}>
            {entries.filter((entry) => groupOf(entry) === group).map((entry) => (
              <li key={`${entry.lessonId}/${entry.date}`} className={styles.entry}>
                <h3 className={styles.entryHead}>
                  {groupBy === "subject"
                    ? t("logbook.sessionOf", { day: capitalised(formatDay(entry.date, locale), locale), time: entry.startsAt })
                    : t("logbook.lessonOf", { time: entry.startsAt, subject: entry.subject.name, audience: entry.audience })}
                </h3>
                {entry.teacher ? <p className={ui.muted}>{entry.teacher}</p> : null}
                {entry.log ? <RichText doc={entry.log} /> : <p className={ui.muted}>{t("logbook.noLog")}</p>}
                {entry.given.length ? (
                  <div className={styles.givenBox}>
                    <h4>{t("logbook.given")}</h4>
                    <ul className={styles.givenList}>
                      {entry.given.map((given) => (
                        <li key={given.id}>
                          <p className={styles.givenDue}>
                            {t("dueOn", { day: formatDay(given.dueOn, locale) })}
                            {given.estimatedMinutes ? ` · ${t("minutes", { minutes: given.estimatedMinutes })}` : ""}
                            {given.handIn ? ` · ${t("handIn")}` : ""}
                          </p>
                          <RichText doc={given.instructions} />
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
