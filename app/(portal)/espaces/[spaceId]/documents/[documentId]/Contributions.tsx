import { getFormatter, getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import type { Contribution } from "@/server/documents/contributions";
import styles from "./document.module.css";

/**
 * Who wrote what: per person, the characters they added and deleted and how many edits, then a small timeline of
 * their days of work, bars scaled to the busiest day (the numbers are in the text too, for screen readers).
 */
export async function Contributions({ all, people }: { all: boolean; people: Contribution[] }) {
  const t = await getTranslations("documents.contributions");
  const format = await getFormatter();
  const busiest = Math.max(1, ...people.flatMap((person) => person.days.map((day) => day.inserted + day.deleted)));
  const dayLabel = (day: string) => format.dateTime(new Date(`${day}T12:00:00`), { weekday: "short", day: "numeric", month: "short" });
  return (
    <section className={ui.card} aria-labelledby="contributions-title">
      <h2 id="contributions-title">{t("title")}</h2>
      <p className={ui.muted}>{all ? t("introAll") : t("introOwn")}</p>
      {people.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <>
          {/* Scrolls sideways on a phone: focusable, so that the keyboard scrolls it too. */}
          <div className={styles.tableScroll} tabIndex={0} role="region" aria-label={t("title")}>
            <table className={styles.table} data-testid="contributions">
              <thead>
                <tr>
                  <th scope="col">{t("person")}</th>
                  <th scope="col">{t("inserted")}</th>
                  <th scope="col">{t("deleted")}</th>
                  <th scope="col">{t("edits")}</th>
                  <th scope="col">{t("last")}</th>
                </tr>
              </thead>
              <tbody>
                {people.map((person) => (
                  <tr key={person.personId}>
                    <th scope="row">{person.name}</th>
                    <td>{format.number(person.inserted)}</td>
                    <td>{format.number(person.deleted)}</td>
                    <td>{format.number(person.edits)}</td>
                    <td>{format.dateTime(person.lastAt, { dateStyle: "short", timeStyle: "short" })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {people.map((person) => (
            <div key={person.personId}>
              <h3>{t("timelineOf", { name: person.name })}</h3>
              <ul className={styles.days}>
                {person.days.map((day) => (
                  <li key={day.day} className={styles.day}>
                    <span>{dayLabel(day.day)}</span>
                    <span className={styles.bar} title={t("dayBar", { inserted: day.inserted, deleted: day.deleted })}>
                      <span className={styles.inserted} style={{ width: `${(100 * day.inserted) / busiest}%` }} />
                      <span className={styles.deleted} style={{ width: `${(100 * day.deleted) / busiest}%` }} />
                      <span className="visually-hidden">{t("dayBar", { inserted: day.inserted, deleted: day.deleted })}</span>
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </>
      )}
    </section>
  );
}
