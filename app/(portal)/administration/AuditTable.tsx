import { getFormatter, getTranslations } from "next-intl/server";
import styles from "./admin.module.css";

interface Entry {
  id: number;
  at: Date;
  action: string;
  login: string | null;
  ip: string | null;
  actor: { firstName: string; lastName: string } | null;
  subject: { firstName: string; lastName: string } | null;
}

/** Audit entries as a table: when, who, what, about whom; shared by the admin's journal and each person's page. */
export async function AuditTable({ entries, labelledBy, showIp }: { entries: Entry[]; labelledBy: string; showIp: boolean }) {
  const t = await getTranslations("admin.audit");
  const format = await getFormatter();
  const name = (p: { firstName: string; lastName: string } | null) => (p ? `${p.lastName} ${p.firstName}` : "—");
  return (
    <div className={styles.tableWrap} role="region" tabIndex={0} aria-labelledby={labelledBy}>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">{t("at")}</th>
            <th scope="col">{t("actor")}</th>
            <th scope="col">{t("action")}</th>
            <th scope="col">{t("subject")}</th>
            {showIp ? <th scope="col">{t("ip")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <th scope="row">{format.dateTime(entry.at, { dateStyle: "short", timeStyle: "short" })}</th>
              <td>{entry.actor ? name(entry.actor) : (entry.login ?? "—")}</td>
              <td>
                <code>{entry.action}</code>
              </td>
              <td>{name(entry.subject)}</td>
              {showIp ? <td>{entry.ip ?? "—"}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
