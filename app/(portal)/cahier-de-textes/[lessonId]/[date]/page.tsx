import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { RichText } from "@/app/components/RichText";
import ui from "@/app/components/ui.module.css";
import { mondayOf } from "@/server/calendar/days";
import { serverCaller } from "@/server/trpc/request-context";
import { guarded } from "../../../guarded";
import { capitalised, formatDay } from "../../days";
import styles from "../../homework.module.css";
import { GiveHomework } from "./GiveHomework";
import { GivenHomework } from "./GivenHomework";
import { LogEditor } from "./LogEditor";

type Params = Promise<{ lessonId: string; date: string }>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("homework"))("logbookTitle") };
}

/** One lesson occurrence for its teacher: what was done (cahier de textes), the homework given, and giving more. */
export default async function OccurrencePage({ params }: { params: Params }) {
  const { lessonId, date } = await params;
  const { api } = await serverCaller();
  const [t, locale] = await Promise.all([getTranslations("homework"), getLocale()]);
  const { occurrence, log, homework, nextSessions, viewerId } = await guarded(() =>
    api.homework.occurrence({ lessonId, plannedOn: date }),
  );
  const cancelled = Boolean(occurrence.change?.cancelled);
  // a substitute edits only the homework they gave; the lesson's own teachers edit all of it
  const teachesLesson = occurrence.teachers.some((teacher) => teacher.id === viewerId);
  const lessonDay = occurrence.on > occurrence.plannedOn ? occurrence.on : occurrence.plannedOn;
  return (
    <div className={ui.stack}>
      <p>
        <Link href={`/cahier-de-textes?semaine=${mondayOf(occurrence.on)}`}>{t("backToWeek")}</Link>
      </p>
      <div>
        <h1>{t("occurrence.title", { subject: occurrence.subject.name, audience: occurrence.audience.name })}</h1>
        <p className={styles.when}>
          {t("occurrence.when", { day: capitalised(formatDay(occurrence.on, locale, true), locale), from: occurrence.startsAt, to: occurrence.endsAt })}
          {occurrence.room ? ` · ${occurrence.room.name}` : ""}
        </p>
        {occurrence.change ? (
          <ul className={ui.chips} aria-label={t("week.status")}>
            {occurrence.change.cancelled ? <li className={styles.chipCancelled}>{t("change.cancelled")}</li> : null}
            {occurrence.change.substitute ? <li className={styles.chipQuiet}>{t("change.substitute", { name: occurrence.change.substitute.name })}</li> : null}
            {occurrence.change.moved ? <li className={styles.chipQuiet}>{t("change.movedFrom", { day: formatDay(occurrence.plannedOn, locale) })}</li> : null}
            {occurrence.change.exam ? <li className={styles.chipQuiet}>{t("change.exam")}</li> : null}
            {occurrence.change.remote ? <li className={styles.chipQuiet}>{t("change.remote")}</li> : null}
          </ul>
        ) : null}
        {occurrence.change?.note ? <p className={ui.muted}>{occurrence.change.note}</p> : null}
      </div>
      {cancelled ? <p className={ui.alert}>{t("occurrence.cancelled")}</p> : null}

      <div className={styles.occurrenceGrid}>
        <div className={ui.stack}>
          {cancelled ? null : (
            <section className={ui.card} aria-labelledby="log-title">
              <h2 id="log-title">{t("occurrence.log")}</h2>
              <LogEditor lessonId={lessonId} plannedOn={date} initial={log?.content ?? null} savedAt={log?.updatedAt ?? null} />
            </section>
          )}
          {homework.dueToday.length ? (
            <section className={ui.card} aria-labelledby="due-today">
              <h2 id="due-today">{t("occurrence.dueToday")}</h2>
              <ul className={styles.items}>
                {homework.dueToday.map((h) => (
                  <li key={h.id} className={styles.item}>
                    <RichText doc={h.instructions} />
                    <p className={ui.muted}>
                      {t("occurrence.givenOnDay", { day: formatDay(h.givenOn, locale) })} ·{" "}
                      {t("occurrence.doneCount", { done: h.doneCount, pupils: homework.pupilCount })}
                    </p>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section className={ui.card} aria-labelledby="given">
            <h2 id="given">{t("occurrence.given")}</h2>
            <GivenHomework
              homework={homework.given.map((h) => ({ ...h, canEdit: teachesLesson || h.authorId === viewerId }))}
              pupilCount={homework.pupilCount}
              sessions={nextSessions}
              lessonDay={lessonDay}
            />
          </section>
        </div>
        {cancelled ? null : <GiveHomework lessonId={lessonId} plannedOn={date} sessions={nextSessions} lessonDay={lessonDay} />}
      </div>
    </div>
  );
}
