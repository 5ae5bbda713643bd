import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { addDays } from "@/server/calendar/days";
import { LOGBOOK_READER_ROLES } from "@/server/policy/roles";
import { hasRole } from "@/server/policy/scope";
import { serverCaller } from "@/server/trpc/request-context";
import { capitalised, formatDay } from "./days";
import styles from "./homework.module.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("homework"))("logbookTitle") };
}

type Search = Promise<{ semaine?: string }>;

/** Cahier de textes: a teacher's lessons of the week to fill in; the classes whose cahier direction and CPE read. */
export default async function LogbookPage({ searchParams }: { searchParams: Search }) {
  const { ctx, api } = await serverCaller();
  const t = await getTranslations("homework");
  const scope = ctx.actor?.scope;
  const { semaine } = await searchParams;
  const isTeacher = Boolean(scope?.roles.has("teacher"));
  const readsClasses = Boolean(scope && hasRole(scope, ...LOGBOOK_READER_ROLES));
  const [week, classes] = await Promise.all([
    isTeacher ? api.homework.teacherWeek({ monday: /^\d{4}-\d{2}-\d{2}$/.test(semaine ?? "") ? semaine : undefined }) : null,
    readsClasses ? api.directory.classes() : isTeacher ? taughtClasses(api) : [],
  ]);
  return (
    <div className={ui.stack}>
      <h1>{t("logbookTitle")}</h1>
      {week ? <TeacherWeek week={week} /> : null}
      {classes.length ? (
        <section className={ui.card} aria-labelledby="class-logbooks">
          <h2 id="class-logbooks">{t("classLogbooks")}</h2>
          <ul className={styles.classLinks}>
            {classes.map((c) => (
              <li key={c.id}>
                <Link href={`/cahier-de-textes/classe/${c.id}`} aria-label={t("classLogbookOf", { name: c.name })}>
                  {c.name}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {!week && !classes.length ? <p className={ui.card}>{t("noLessons")}</p> : null}
    </div>
  );
}

type Api = Awaited<ReturnType<typeof serverCaller>>["api"];
type Week = Awaited<ReturnType<Api["homework"]["teacherWeek"]>>;

async function taughtClasses(api: Api) {
  const { taught } = await api.me.classes();
  const byId = new Map(taught.filter((a) => a.classId).map((a) => [a.classId!, { id: a.classId!, name: a.className ?? "" }]));
  return [...byId.values()];
}

async function TeacherWeek({ week }: { week: Week }) {
  const [t, locale] = await Promise.all([getTranslations("homework"), getLocale()]);
  const days = [0, 1, 2, 3, 4, 5].map((offset) => addDays(week.monday, offset));
  const thisWeek = days.includes(week.today);
  return (
    <section className={ui.stack} aria-labelledby="week">
      <div className={styles.weekHead}>
        <h2 id="week">{t("week.title", { day: formatDay(week.monday, locale) })}</h2>
        <nav aria-label={t("week.nav")} className={styles.pager}>
          <Link href={`/cahier-de-textes?semaine=${addDays(week.monday, -7)}`}>{t("week.previous")}</Link>
          {thisWeek ? null : <Link href="/cahier-de-textes">{t("week.current")}</Link>}
          <Link href={`/cahier-de-textes?semaine=${addDays(week.monday, 7)}`}>{t("week.next")}</Link>
        </nav>
      </div>
      {week.lessons.length === 0 ? <p className={ui.card}>{t("week.empty")}</p> : null}
      <div className={styles.weekGrid}>
        {days.map((day) => {
          const lessons = week.lessons.filter((lesson) => lesson.on === day);
          if (lessons.length === 0) return null;
          return (
            <section key={day} className={ui.card} aria-label={capitalised(formatDay(day, locale), locale)}>
              <h3 className={day === week.today ? styles.today : undefined}>
                {capitalised(formatDay(day, locale), locale)}
                {day === week.today ? <span className={ui.chip}>{t("week.today")}</span> : null}
              </h3>
              <ul className={styles.lessons}>
                {lessons.map((lesson) => (
                  <li key={`${lesson.lessonId}/${lesson.plannedOn}`} className={styles.lesson}>
                    <Link href={`/cahier-de-textes/${lesson.lessonId}/${lesson.plannedOn}`} className={styles.lessonLink}>
                      <span className={styles.lessonTime}>{lesson.startsAt}</span>
                      <span>
                        {lesson.subject.name} · {lesson.audience.name}
                      </span>
                    </Link>
                    <ul className={ui.chips} aria-label={t("week.status")}>
                      {lesson.change?.cancelled ? <li className={styles.chipCancelled}>{t("change.cancelled")}</li> : null}
                      {lesson.change?.substitute ? <li className={styles.chipQuiet}>{t("change.substitute", { name: lesson.change.substitute.name })}</li> : null}
                      {lesson.change?.moved ? <li className={styles.chipQuiet}>{t("change.moved")}</li> : null}
                      {lesson.change?.cancelled ? null : (
                        <li className={lesson.hasLog ? styles.chipDone : styles.chipTodo}>{lesson.hasLog ? t("week.written") : t("week.toWrite")}</li>
                      )}
                      {lesson.homeworkCount ? <li className={styles.chipQuiet}>{t("week.homeworkCount", { count: lesson.homeworkCount })}</li> : null}
                    </ul>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </section>
  );
}
