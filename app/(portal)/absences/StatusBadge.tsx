import { useTranslations } from "next-intl";
import styles from "./attendance.module.css";

export type AbsenceStatus = "unjustified" | "pending" | "accepted" | "refused";

/** Where an absence stands, as a coloured badge with its words (colour is never the only cue). */
export function StatusBadge({ status }: { status: AbsenceStatus }) {
  const t = useTranslations("attendance.statuses");
  return <span className={`${styles.badge} ${styles[status]}`}>{t(status)}</span>;
}
