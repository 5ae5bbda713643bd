import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { RichText } from "@/app/components/RichText";
import ui from "@/app/components/ui.module.css";
import type { PupilHomework } from "@/server/homework/pupil";
import { dayFromToday, formatDay } from "../cahier-de-textes/days";
import styles from "../cahier-de-textes/homework.module.css";
import { DoneCheckbox } from "./DoneCheckbox";

interface Props {
  homework: PupilHomework[];
  today: string;
  /** the pupil ticks; a guardian only reads the ticks; others see none */
  canTick: boolean;
  headingLevel: 2 | 3;
}

/** Homework grouped by the day it is due, with the day's total of estimated minutes. */
export async function DueDays({ homework, today, canTick, headingLevel }: Props) {
  const [t, tHandIns, locale] = await Promise.all([getTranslations("homework"), getTranslations("handIns.links"), getLocale()]);
  const days = [...new Set(homework.map((h) => h.dueOn))];
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const Item = headingLevel === 2 ? "h3" : "h4";
  return (
    <ol className={styles.days}>
      {days.map((day) => {
        const due = homework.filter((h) => h.dueOn === day);
        const minutes = due.reduce((total, h) => total + (h.estimatedMinutes ?? 0), 0);
        const when = dayFromToday(day, today);
        const heading = when === "other" ? t("dueOn", { day: formatDay(day, locale) }) : t(when === "today" ? "dueToday" : "dueTomorrow");
        return (
          <li key={day} className={styles.day}>
            <div className={styles.dayHead}>
              <Heading>{heading}</Heading>
              <p className={ui.muted}>{t("dayTotal", { count: due.length, minutes })}</p>
            </div>
            <ul className={styles.items}>
              {due.map((h) => (
                <li key={h.id} className={styles.item}>
                  <div className={styles.itemHead}>
                    <Item className={styles.subject}>{h.subject.name}</Item>
                    <ul className={ui.chips} aria-label={t("details")}>
                      {h.estimatedMinutes ? <li className={styles.chipQuiet}>{t("minutes", { minutes: h.estimatedMinutes })}</li> : null}
                      {h.handIn ? <li className={styles.chipHandIn}>{t("handIn")}</li> : null}
                    </ul>
                  </div>
                  <RichText doc={h.instructions} />
                  {h.handIn ? (
                    <p>
                      <Link href={`/devoirs?travail=${h.id}`}>{tHandIns("handInOnline")}</Link>
                    </p>
                  ) : null}
                  <div className={styles.itemFoot}>
                    <p className={ui.muted}>
                      {h.teacher
                        ? t("givenBy", { teacher: h.teacher, day: formatDay(h.givenOn, locale) })
                        : t("givenOn", { day: formatDay(h.givenOn, locale) })}
                    </p>
                    {canTick ? (
                      <DoneCheckbox homeworkId={h.id} done={h.done ?? false} subject={h.subject.name} />
                    ) : h.done !== null ? (
                      <p className={h.done ? styles.doneMark : styles.notDone}>{h.done ? t("tickedDone") : t("notDone")}</p>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          </li>
        );
      })}
    </ol>
  );
}
