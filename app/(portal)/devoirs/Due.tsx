import { getFormatter, getTranslations } from "next-intl/server";
import styles from "../espaces/spaces.module.css";

type Status = "draft" | "handedIn" | "returned";

/** Where a pupil's hand-in stands, as a badge: to do, handed in (late or not), returned. */
export async function HandInBadge({ status, late }: { status: Status | null; late: boolean }) {
  const t = await getTranslations("handIns.status");
  if (status === "returned") return <span className={`${styles.badge} ${styles.done}`}>{t("returned")}</span>;
  if (status === "handedIn") return <span className={`${styles.badge} ${late ? styles.late : styles.done}`}>{late ? t("handedInLate") : t("handedIn")}</span>;
  return <span className={styles.badge}>{status === "draft" ? t("draft") : t("notHandedIn")}</span>;
}

/** "à rendre le …": the due time in the reader's language. */
export async function DueAt({ at }: { at: Date }) {
  const t = await getTranslations("handIns");
  const format = await getFormatter();
  return <span>{t("dueAt", { when: format.dateTime(at, { dateStyle: "full", timeStyle: "short" }) })}</span>;
}
