import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import styles from "../portal.module.css";

interface Props {
  taught: {
    subject: string;
    classId: string | null;
    className: string | null;
    groupName: string | null;
    isLeadTeacher: boolean;
  }[];
}

/** A teacher's classes and groups, and the classes they are professeur principal of. */
export async function TeachingCard({ taught }: Props) {
  const t = await getTranslations("home");
  const leadOf = [...new Set(taught.filter((a) => a.isLeadTeacher && a.className).map((a) => a.className))];
  return (
    <section className={ui.card} aria-labelledby="taught">
      <h2 id="taught">{t("taught")}</h2>
      {leadOf.length ? <p className={ui.chip}>{t("leadTeacherOf", { classes: leadOf.join(", ") })}</p> : null}
      <ul className={styles.list}>
        {taught.map((a) => (
          <li key={`${a.subject}-${a.className ?? a.groupName}`} className={styles.listItem}>
            {t("subjectIn", { subject: a.subject, target: a.className ?? a.groupName ?? "" })}
          </li>
        ))}
      </ul>
    </section>
  );
}
