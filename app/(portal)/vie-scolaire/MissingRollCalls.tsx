import { getTranslations } from "next-intl/server";
import type { missingNow } from "@/server/attendance/desk";
import styles from "../absences/attendance.module.css";

type Missing = Awaited<ReturnType<typeof missingNow>>["rollCallsMissing"];

/**
 * Today's lessons begun without a roll call: those going on now in full (a pupil may be missing from one right now),
 * the earlier ones folded, one line each, for vie scolaire to chase.
 */
export async function MissingRollCalls({ missing }: { missing: Missing }) {
  const t = await getTranslations("attendance.desk");
  const inProgress = missing.filter((m) => m.inProgress);
  const earlier = missing.filter((m) => !m.inProgress);
  if (missing.length === 0) return <p>{t("allTaken")}</p>;
  const line = ({ occurrence }: Missing[number]) => {
    const teachers = occurrence.change?.substitute ? [occurrence.change.substitute] : occurrence.teachers;
    return (
      <li key={`${occurrence.lessonId}/${occurrence.plannedOn}`} className={styles.compactRow}>
        <span className={styles.time}>{occurrence.startsAt}</span>{" "}
        <strong>{occurrence.audience.name}</strong> · {occurrence.subject.name}
        <span className={styles.muted}> · {teachers.map((p) => p.name).join(", ")}</span>
      </li>
    );
  };
  return (
    <>
      {inProgress.length ? (
        <>
          <h3>{t("inProgressCount", { count: inProgress.length })}</h3>
          <ul className={styles.compactRows}>{inProgress.map(line)}</ul>
        </>
      ) : null}
      {earlier.length ? (
        <details className={styles.details}>
          <summary>{t("earlierCount", { count: earlier.length })}</summary>
          <ul className={styles.compactRows}>{earlier.map(line)}</ul>
        </details>
      ) : null}
    </>
  );
}
