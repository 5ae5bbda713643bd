import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import type { RollCallLesson } from "@/server/attendance/teacher-lessons";
import { schoolInstant } from "@/server/calendar/days";
import { serverCaller } from "@/server/trpc/request-context";
import styles from "../absences/attendance.module.css";
import { guarded } from "../guarded";
import { LessonLine } from "./LessonLine";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("attendance"))("rollCall.title") };
}

/** A teacher's roll calls: today's lessons with their state, and the last days' lessons still without one. */
export default async function RollCallsPage() {
  const { api } = await serverCaller();
  const t = await getTranslations("attendance.rollCall");
  const { today, overdue } = await guarded(() => api.attendance.myRollCalls());
  return (
    <div className={ui.stack}>
      <h1>{t("title")}</h1>
      <section className={ui.card} aria-labelledby="today">
        <h2 id="today">{t("today")}</h2>
        {today.length === 0 ? <p>{t("noLessonsToday")}</p> : <LessonRows lessons={today} />}
      </section>
      {overdue.length ? (
        <section className={ui.card} aria-labelledby="overdue">
          <h2 id="overdue">{t("overdue")}</h2>
          <p className={ui.hint}>{t("overdueHint")}</p>
          <LessonRows lessons={overdue} withDay />
        </section>
      ) : null}
    </div>
  );
}

async function LessonRows({ lessons, withDay = false }: { lessons: RollCallLesson[]; withDay?: boolean }) {
  const t = await getTranslations("attendance.rollCall");
  return (
    <ul className={styles.rows}>
      {lessons.map(({ occurrence, taken, window, replaced }) => {
        const { change } = occurrence;
        const context = `${occurrence.subject.name} ${occurrence.audience.name} ${occurrence.startsAt}`;
        let state;
        if (change?.cancelled) state = <span className={ui.chip}>{t("cancelled")}</span>;
        else if (replaced) state = <span className={ui.muted}>{t("replacedBy", { name: change?.substitute?.name ?? "" })}</span>;
        else if (window === "notYet")
          state = <span className={ui.muted}>{t("notYet", { time: schoolInstant(occurrence.on, occurrence.startsAt) })}</span>;
        else
          state = (
            <>
              <span className={`${styles.badge} ${taken ? styles.accepted : styles.pending}`}>{taken ? t("done") : t("toDo")}</span>
              {window === "open" ? (
                <Link className={`${ui.button} ${taken ? ui.secondary : ""}`} href={`/appel/${occurrence.lessonId}/${occurrence.plannedOn}`}>
                  {taken ? t("edit") : t("take")}
                  <span className="visually-hidden"> — {context}</span>
                </Link>
              ) : null}
            </>
          );
        return (
          <li key={`${occurrence.lessonId}/${occurrence.plannedOn}`} className={styles.row}>
            <LessonLine occurrence={occurrence} withDay={withDay} />
            <span className={styles.rowActions}>{state}</span>
          </li>
        );
      })}
    </ul>
  );
}
