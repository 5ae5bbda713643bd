import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { hasRole } from "@/server/policy/scope";
import { serverCaller } from "@/server/trpc/request-context";
import { RefreshOnMessage } from "./RefreshOnMessage";
import styles from "./messaging.module.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("messaging"))("title") };
}

type Search = Promise<{ dossier?: string; q?: string; page?: string }>;

/** Messagerie: one's conversations (and one's shared inbox's), newest first, with what is unread; archive; search. */
export default async function MessagingPage({ searchParams }: { searchParams: Search }) {
  const { dossier, q, page } = await searchParams;
  const { ctx, api } = await serverCaller();
  const [t, format] = await Promise.all([getTranslations("messaging"), getFormatter()]);
  const folder = dossier === "archives" ? "archive" : "inbox";
  const search = (q ?? "").slice(0, 100);
  const pageNumber = Math.max(0, Math.min(1000, Number.parseInt(page ?? "0", 10) || 0));
  const list = await api.messaging.conversations({ folder, search, page: pageNumber });
  const scope = ctx.actor?.scope;
  const link = (changes: Record<string, string>) => {
    const query = new URLSearchParams({ ...(folder === "archive" ? { dossier: "archives" } : {}), ...(search ? { q: search } : {}), ...changes });
    return `/messagerie?${query}`;
  };

  return (
    <div className={ui.stack}>
      <RefreshOnMessage />
      <h1>{t("title")}</h1>
      <div className={styles.tabs}>
        <Link className={ui.button} href="/messagerie/nouveau">
          {t("compose")}
        </Link>
        <Link href="/messagerie" aria-current={folder === "inbox" ? "page" : undefined}>
          {t("inbox")}
        </Link>
        <Link href="/messagerie?dossier=archives" aria-current={folder === "archive" ? "page" : undefined}>
          {t("archive")}
        </Link>
        {scope && hasRole(scope, "direction") ? <Link href="/messagerie/signalements">{t("reports.title")}</Link> : null}
        {scope && hasRole(scope, "direction", "admin") ? <Link href="/messagerie/regles">{t("rules.title")}</Link> : null}
      </div>
      <section className={ui.card} aria-labelledby="conversations">
        <h2 id="conversations">{folder === "archive" ? t("archive") : t("inbox")}</h2>
        <form role="search" action="/messagerie" className={styles.tabs}>
          {folder === "archive" ? <input type="hidden" name="dossier" value="archives" /> : null}
          <label className="visually-hidden" htmlFor="message-search">
            {t("search")}
          </label>
          <input className={ui.input} id="message-search" name="q" type="search" defaultValue={search} placeholder={t("search")} maxLength={100} />
          <button className={`${ui.button} ${ui.secondary}`} type="submit">
            {t("searchButton")}
          </button>
        </form>
        {list.conversations.length === 0 ? <p className={ui.muted}>{search ? t("noMatch") : t("empty")}</p> : null}
        <ul className={styles.conversations}>
          {list.conversations.map((c) => (
            <li key={c.id} className={`${styles.conversation} ${c.unread ? styles.unread : ""}`}>
              <span>
                <Link href={`/messagerie/${c.id}`}>{c.subject}</Link>
                <br />
                <span className={ui.muted}>
                  {[
                    c.inbox ? t(`inboxes.${c.inbox}`) : "",
                    c.with.slice(0, 3).join(", ") + (c.with.length > 3 ? ` ${t("andOthers", { count: c.with.length - 3 })}` : ""),
                    c.inbox && c.handledBy ? t("handled") : "",
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
              </span>
              <span>
                {c.unread ? (
                  <span className={styles.badge} aria-label={t("unread", { count: c.unread })}>
                    {c.unread}
                  </span>
                ) : null}{" "}
                <span className={ui.muted}>{c.lastAt ? format.dateTime(c.lastAt, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" }) : ""}</span>
              </span>
            </li>
          ))}
        </ul>
        <p className={styles.tabs}>
          {pageNumber > 0 ? <Link href={link({ page: String(pageNumber - 1) })}>{t("previous")}</Link> : null}
          {list.hasMore ? <Link href={link({ page: String(pageNumber + 1) })}>{t("next")}</Link> : null}
        </p>
      </section>
    </div>
  );
}
