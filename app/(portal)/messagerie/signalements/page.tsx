import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { serverCaller } from "@/server/trpc/request-context";
import { guarded } from "../../guarded";
import styles from "../messaging.module.css";
import { CloseReportButton } from "./CloseReportButton";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("messaging"))("reports.title") };
}

/** The moderators' page: messages reported as abusive in the establishment, until a moderator closes each report. */
export default async function ReportsPage() {
  const { api } = await serverCaller();
  const [t, format] = await Promise.all([getTranslations("messaging.reports"), getFormatter()]);
  const reports = await guarded(() => api.messaging.reports());
  return (
    <div className={ui.stack}>
      <h1>{t("title")}</h1>
      {reports.length === 0 ? <p className={ui.muted}>{t("none")}</p> : null}
      <ul className={styles.thread}>
        {reports.map((r) => (
          <li key={r.id} className={styles.message}>
            <div className={styles.meta}>
              <strong>
                {r.author ? `${r.author.firstName} ${r.author.lastName}` : "—"} · {r.subject}
              </strong>
              <span>{format.dateTime(r.sentAt, { day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" })}</span>
            </div>
            <p className={styles.body}>{r.body}</p>
            <p className={ui.muted}>
              {t("reportedBy", { name: `${r.reporter.firstName} ${r.reporter.lastName}`, reason: r.reason })}
            </p>
            <CloseReportButton reportId={r.id} />
          </li>
        ))}
      </ul>
    </div>
  );
}
