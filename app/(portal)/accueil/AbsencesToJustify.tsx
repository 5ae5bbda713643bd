import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import type { ServerApi } from "@/server/trpc/request-context";
import styles from "../portal.module.css";

/** A guardian's children's absences and lates still to justify, the same day they are recorded. */
export async function AbsencesToJustify({ api }: { api: ServerApi }) {
  const [t, format, absences] = await Promise.all([getTranslations("home"), getFormatter(), api.attendance.toJustify()]);
  return (
    <section className={ui.card} aria-labelledby="to-justify">
      <h2 id="to-justify">{t("absencesToJustify")}</h2>
      {absences.length === 0 ? <p className={ui.muted}>{t("noAbsencesToJustify")}</p> : null}
      <ul className={styles.list}>
        {absences.slice(0, 5).map((absence) => (
          <li key={absence.id} className={styles.listItem}>
            <span>
              <strong>{absence.firstName}</strong> ·{" "}
              {absence.kind === "late" ? t("late", { minutes: absence.minutesLate ?? 0 }) : t("absent")}
              <br />
              <span className={ui.muted}>
                {format.dateTime(absence.startsAt, { weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" })}
              </span>
            </span>
          </li>
        ))}
      </ul>
      {absences.length ? (
        <p>
          <Link href="/absences">{t("justify")}</Link>
        </p>
      ) : null}
    </section>
  );
}
