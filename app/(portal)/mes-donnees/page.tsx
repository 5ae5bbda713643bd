import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { serverCaller } from "@/server/trpc/request-context";
import styles from "../administration/admin.module.css";
import { AuditTable } from "../administration/AuditTable";
import { ExportMine } from "./ExportMine";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("privacy"))("title") };
}

/**
 * Transparency for every person: who read or changed their school data (or their children's) and when, and
 * everything Préau holds about them as a file.
 */
export default async function MyDataPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const { ctx, api } = await serverCaller();
  const t = await getTranslations();
  const page = Math.max(0, Number((await searchParams).page) || 0);
  const log = ctx.actor?.scope ? await api.privacy.accessLog({ page }) : null;
  const pages = log ? Math.max(1, Math.ceil(log.total / log.pageSize)) : 1;
  return (
    <div className={ui.stack}>
      <h1>{t("privacy.title")}</h1>
      <section className={`${ui.card} ${ui.stack}`} aria-labelledby="access-title">
        <h2 id="access-title">{t("privacy.accessTitle")}</h2>
        <p>{t("privacy.accessIntro")}</p>
        {log && log.total > 0 ? (
          <AuditTable entries={log.entries} labelledBy="access-title" showIp={false} />
        ) : (
          <p>{t("privacy.noAccess")}</p>
        )}
        {pages > 1 ? (
          <nav className={styles.pager} aria-label={t("admin.pager.label")}>
            {page > 0 ? <Link href={`?page=${page - 1}`}>{t("admin.pager.previous")}</Link> : null}
            <span>{t("admin.pager.page", { page: page + 1, pages })}</span>
            {page + 1 < pages ? <Link href={`?page=${page + 1}`}>{t("admin.pager.next")}</Link> : null}
          </nav>
        ) : null}
      </section>
      <section className={`${ui.card} ${ui.stack}`} aria-labelledby="export-title">
        <h2 id="export-title">{t("privacy.exportTitle")}</h2>
        <p>{t("privacy.exportIntro")}</p>
        <ExportMine />
      </section>
    </div>
  );
}
