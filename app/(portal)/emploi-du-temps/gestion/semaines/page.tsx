import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { addDays, isoDate, mondayOf } from "@/server/calendar/days";
import { serverCaller } from "@/server/trpc/request-context";
import tables from "../../../notes/notes.module.css";
import { guarded } from "../../../guarded";
import { OwnerPicker } from "../../OwnerPicker";
import styles from "../../timetable.module.css";
import { AlternationForm } from "./AlternationForm";
import { WeekLetterButton } from "./WeekLetterButton";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("timetable"))("schoolWeeks.title") };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Search = Promise<{ annee?: string }>;

/** The weeks A and B of a school year (the current one by default): each week's letter, and the tools to set them. */
export default async function SchoolWeeksPage({ searchParams }: { searchParams: Search }) {
  const { api } = await serverCaller();
  const t = await getTranslations("timetable");
  const format = await getFormatter();
  const search = await searchParams;
  const refs = await guarded(() => api.timetable.references());
  const schoolYearId = search.annee && UUID.test(search.annee) ? search.annee : refs.schoolYear?.id;
  if (!schoolYearId) return <p className={ui.card}>{t("schoolWeeks.noYear")}</p>;
  const { year, years, weeks } = await guarded(() => api.timetable.schoolWeeks({ schoolYearId }));

  const thisWeek = mondayOf(isoDate(new Date()));
  const span = (monday: string) =>
    format.dateTimeRange(new Date(`${monday}T12:00:00Z`), new Date(`${addDays(monday, 4)}T12:00:00Z`), {
      day: "numeric",
      month: "long",
      timeZone: "UTC",
    });
  const startsFrom = weeks
    .filter((week) => !week.past && week.holiday !== "week")
    .map((week) => ({ monday: week.monday, label: span(week.monday) }));

  return (
    <>
      {years.length > 1 ? (
        <OwnerPicker
          label={t("schoolWeeks.year")}
          current={`/emploi-du-temps/gestion/semaines?annee=${year.id}`}
          groups={[{ label: t("schoolWeeks.year"), options: years.map((y) => ({ href: `/emploi-du-temps/gestion/semaines?annee=${y.id}`, label: y.label })) }]}
        />
      ) : null}
      <section className={`${ui.card} ${ui.stack}`} aria-labelledby="alternation">
        <h2 id="alternation">{t("schoolWeeks.yearTitle", { label: year.label })}</h2>
        <p>{t("schoolWeeks.intro")}</p>
        <p className={ui.hint}>{t("schoolWeeks.holidaysHint")}</p>
        <p className={ui.hint}>{t("schoolWeeks.pastHint")}</p>
        {startsFrom.length ? <AlternationForm schoolYearId={year.id} weeks={startsFrom} /> : null}
      </section>
      <section className={`${ui.card} ${ui.stack}`} aria-labelledby="weeks-list">
        <h2 id="weeks-list">{t("schoolWeeks.table")}</h2>
        <div className={`${tables.tableWrap} ${styles.scrollBox}`} role="region" tabIndex={0} aria-labelledby="weeks-list">
          <table className={tables.table}>
            <thead>
              <tr>
                <th scope="col">{t("schoolWeeks.week")}</th>
                <th scope="col">{t("schoolWeeks.letter")}</th>
                <th scope="col">{t("schoolWeeks.holidays")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("schoolWeeks.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {weeks.map((week) => (
                <tr key={week.monday} aria-current={week.monday === thisWeek ? "date" : undefined} className={week.past ? ui.muted : undefined}>
                  <th scope="row" className={styles.nowrap}>
                    {span(week.monday)}
                    {week.monday === thisWeek ? ` · ${t("schoolWeeks.thisWeek")}` : ""}
                  </th>
                  <td className={styles.weekLetter}>{week.pattern ?? t("schoolWeeks.noLetter")}</td>
                  <td>{week.holiday ? t(`schoolWeeks.off.${week.holiday}`) : ""}</td>
                  <td>
                    {week.past || week.holiday === "week" ? null : (
                      <WeekLetterButton schoolYearId={year.id} monday={week.monday} pattern={week.pattern === "A" ? "B" : "A"} week={span(week.monday)} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
