import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import type { Occurrence } from "@/server/timetable/occurrences";
import { changeBadges } from "../emploi-du-temps/change-badges";
import home from "./home.module.css";
import styles from "../portal.module.css";

/** The next lessons of a pupil (for them or their family) or of a teacher, changes first to the eye. */
export async function NextLessons({ lessons, timetableHref, id }: { lessons: Occurrence[]; timetableHref: string; id: string }) {
  const [t, tt, format] = await Promise.all([getTranslations("home"), getTranslations("timetable"), getFormatter()]);
  const translate = tt as unknown as (key: string, values?: Record<string, string>) => string;
  return (
    <section className={ui.card} aria-labelledby={id}>
      <h2 id={id}>{t("nextLessons")}</h2>
      {lessons.length === 0 ? <p className={ui.muted}>{t("noNextLessons")}</p> : null}
      <ul className={styles.list}>
        {lessons.map((lesson) => {
          const badges = changeBadges(lesson.change, translate);
          const day = format.dateTime(new Date(`${lesson.on}T12:00:00Z`), { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });
          return (
            <li key={`${lesson.lessonId}/${lesson.plannedOn}`} className={styles.listItem}>
              <span>
                <strong>{lesson.subject.name}</strong> · {lesson.audience.name}
                <br />
                <span className={ui.muted}>
                  {t("lessonWhen", { day, start: lesson.startsAt, end: lesson.endsAt })}
                  {lesson.room ? ` · ${lesson.room.name}` : ""}
                </span>
              </span>
              {badges.length ? (
                <span className={home.changes}>
                  {badges.map((badge) => (
                    <span key={badge.text} className={badge.alarm ? `${ui.chip} ${home.alarmChip}` : ui.chip}>
                      {badge.text}
                    </span>
                  ))}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
      <p>
        <Link href={timetableHref}>{t("seeTimetable")}</Link>
      </p>
    </section>
  );
}
