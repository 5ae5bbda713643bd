import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { serverCaller } from "@/server/trpc/request-context";
import styles from "../admin.module.css";
import { AuditTable } from "../AuditTable";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.audit"))("title") };
}

type Search = { personId?: string; action?: string; from?: string; to?: string; page?: string };
const FAMILIES = ["auth", "admin", "grades.viewed", "attendance.viewed", "reportCards.viewed", "privacy", "timetable"] as const;
const isDay = (value?: string) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);
const isUuid = (value?: string) => (value && /^[0-9a-f-]{36}$/i.test(value) ? value : undefined);

/** The establishment's audit log: filter by person, kind of action and dates, newest first, a page at a time. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const { api } = await serverCaller();
  const t = await getTranslations("admin");
  const personId = isUuid(params.personId);
  const action = FAMILIES.find((f) => f === params.action);
  const page = Math.max(0, Number(params.page) || 0);
  const [result, person] = await Promise.all([
    api.admin.audit({ personId, action, from: isDay(params.from), to: isDay(params.to), page }),
    personId ? api.admin.account({ personId }) : null,
  ]);
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const pageHref = (p: number) => `?${new URLSearchParams({ ...params, page: String(p) } as Record<string, string>)}`;
  return (
    <section className={`${ui.card} ${ui.stack}`} aria-labelledby="audit-title">
      <h2 id="audit-title">{t("audit.title")}</h2>
      <p>{t("audit.intro")}</p>
      {person ? (
        <p>
          {t("audit.about", { name: `${person.lastName} ${person.firstName}` })} <Link href="/administration/journal">{t("audit.everyone")}</Link>
        </p>
      ) : null}
      <form className={styles.row}>
        {personId ? <input type="hidden" name="personId" value={personId} /> : null}
        <div className={ui.field}>
          <label className={ui.label} htmlFor="action">
            {t("audit.action")}
          </label>
          <select className={ui.input} id="action" name="action" defaultValue={action ?? ""}>
            <option value="">{t("accounts.any")}</option>
            {FAMILIES.map((family) => (
              <option key={family} value={family}>
                {t(`audit.families.${family.replace(".", "_") as "auth"}`)}
              </option>
            ))}
          </select>
        </div>
        <div className={ui.field}>
          <label className={ui.label} htmlFor="from">
            {t("audit.from")}
          </label>
          <input className={ui.input} id="from" name="from" type="date" defaultValue={isDay(params.from)} />
        </div>
        <div className={ui.field}>
          <label className={ui.label} htmlFor="to">
            {t("audit.to")}
          </label>
          <input className={ui.input} id="to" name="to" type="date" defaultValue={isDay(params.to)} />
        </div>
        <button type="submit" className={`${ui.button} ${ui.secondary}`}>
          {t("accounts.find")}
        </button>
      </form>
      <p role="status">{t("audit.count", { count: result.total })}</p>
      <AuditTable entries={result.entries} labelledBy="audit-title" showIp />
      {pages > 1 ? (
        <nav className={styles.pager} aria-label={t("pager.label")}>
          {page > 0 ? <Link href={pageHref(page - 1)}>{t("pager.previous")}</Link> : null}
          <span>{t("pager.page", { page: page + 1, pages })}</span>
          {page + 1 < pages ? <Link href={pageHref(page + 1)}>{t("pager.next")}</Link> : null}
        </nav>
      ) : null}
    </section>
  );
}
