import { useTranslations } from "next-intl";
import { schoolInstant } from "@/server/calendar/days";
import type { Occurrence } from "@/server/timetable/occurrences";
import styles from "../absences/attendance.module.css";

/** A lesson occurrence in a list: when, what, to whom, where, and what changed that day. */
export function LessonLine({ occurrence, withDay = false }: { occurrence: Occurrence; withDay?: boolean }) {
  const t = useTranslations("attendance.rollCall");
  const start = schoolInstant(occurrence.on, occurrence.startsAt);
  const end = schoolInstant(occurrence.on, occurrence.endsAt);
  const room = occurrence.room?.name;
  return (
    <span className={styles.rowMain}>
      <span className={styles.time}>
        {withDay ? t("lessonWhen", { day: start, start, end }) : `${occurrence.startsAt}–${occurrence.endsAt}`}
      </span>
      <span className={styles.rowTitle}>
        {t("lessonTitle", { subject: occurrence.subject.name, audience: occurrence.audience.name })}
      </span>
      {room ? <span>{room}</span> : null}
    </span>
  );
}
