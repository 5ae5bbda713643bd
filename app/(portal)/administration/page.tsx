import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { role } from "@/drizzle/schema";
import { serverCaller } from "@/server/trpc/request-context";
import styles from "./admin.module.css";
import { CreateAccountForm } from "./CreateAccountForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("title") };
}

type Search = { q?: string; role?: string; status?: string; page?: string };
const STATUSES = ["pending", "active", "disabled"] as const;

/** The establishment's accounts: search by name or identifiant, filter by profile and state, a page at a time. */
export default async function AccountsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const { api } = await serverCaller();
  const t = await getTranslations();
  const chosenRole = role.enumValues.find((r) => r === params.role);
  const chosenStatus = STATUSES.find((s) => s === params.status);
  const page = Math.max(0, Number(params.page) || 0);
  const result = await api.admin.accounts({ query: params.q, role: chosenRole, status: chosenStatus, page });
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const pageHref = (p: number) => `?${new URLSearchParams({ ...params, page: String(p) } as Record<string, string>)}`;

  return (
    <>
      <section className={`${ui.card} ${ui.stack}`} aria-labelledby="accounts-title">
        <h2 id="accounts-title">{t("admin.accounts.title")}</h2>
        <form className={styles.row} role="search">
          <div className={ui.field}>
            <label className={ui.label} htmlFor="q">
              {t("admin.accounts.search")}
            </label>
            <input className={ui.input} id="q" name="q" type="search" defaultValue={params.q} />
          </div>
          <div className={ui.field}>
            <label className={ui.label} htmlFor="role">
              {t("admin.accounts.profile")}
            </label>
            <select className={ui.input} id="role" name="role" defaultValue={chosenRole ?? ""}>
              <option value="">{t("admin.accounts.any")}</option>
              {role.enumValues.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <div className={ui.field}>
            <label className={ui.label} htmlFor="status">
              {t("admin.accounts.status")}
            </label>
            <select className={ui.input} id="status" name="status" defaultValue={chosenStatus ?? ""}>
              <option value="">{t("admin.accounts.any")}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`admin.statuses.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className={`${ui.button} ${ui.secondary}`}>
            {t("admin.accounts.find")}
          </button>
        </form>
        <p role="status">{t("admin.accounts.count", { count: result.total })}</p>
        <div className={styles.tableWrap} role="region" tabIndex={0} aria-labelledby="accounts-title">
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{t("admin.accounts.name")}</th>
                <th scope="col">{t("admin.accounts.login")}</th>
                <th scope="col">{t("admin.accounts.profiles")}</th>
                <th scope="col">{t("admin.accounts.status")}</th>
              </tr>
            </thead>
            <tbody>
              {result.accounts.map((account) => (
                <tr key={account.id}>
                  <th scope="row">
                    <Link href={`/administration/comptes/${account.id}`}>
                      {account.lastName} {account.firstName}
                    </Link>
                  </th>
                  <td>{account.login}</td>
                  <td>{account.roles.map((r) => t(`roles.${r}`)).join(", ")}</td>
                  <td>{t(`admin.statuses.${account.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {pages > 1 ? (
          <nav className={styles.pager} aria-label={t("admin.pager.label")}>
            {page > 0 ? <Link href={pageHref(page - 1)}>{t("admin.pager.previous")}</Link> : null}
            <span>{t("admin.pager.page", { page: page + 1, pages })}</span>
            {page + 1 < pages ? <Link href={pageHref(page + 1)}>{t("admin.pager.next")}</Link> : null}
          </nav>
        ) : null}
      </section>
      <section className={`${ui.card} ${ui.stack}`} aria-labelledby="create-title">
        <h2 id="create-title">{t("admin.accounts.createTitle")}</h2>
        <CreateAccountForm />
      </section>
    </>
  );
}
