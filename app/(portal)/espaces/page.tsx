import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { STAFF_ROLES } from "@/server/policy/roles";
import { hasRole } from "@/server/policy/scope";
import { serverCaller } from "@/server/trpc/request-context";
import { CreateTeamForm } from "./CreateTeamForm";
import { Pager } from "./Pager";
import styles from "./spaces.module.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("spaces"))("title") };
}

type Search = Promise<{ page?: string; tri?: string; archives?: string }>;

/**
 * Mes espaces: the person's class spaces, teams and group-work teams, a page at a time, by name or newest first; the
 * archived ones apart ("?archives=1"), read-only until their owners bring them back.
 */
export default async function SpacesPage({ searchParams }: { searchParams: Search }) {
  const { ctx, api } = await serverCaller();
  const t = await getTranslations("spaces");
  const { page, tri, archives } = await searchParams;
  const sort = tri === "recent" ? "recent" : "name";
  const archived = archives === "1";
  const list = await api.spaces.mine({ page: Math.max(1, Number.parseInt(page ?? "1", 10) || 1), sort, archived });
  const scope = ctx.actor?.scope;
  const createsTeams = Boolean(scope && hasRole(scope, "teacher", ...STAFF_ROLES)) && !archived;
  const base = archived ? "/espaces?archives=1&" : "/espaces?";
  return (
    <div className={ui.stack}>
      <div className={styles.header}>
        <h1>{archived ? t("list.archives.title") : t("title")}</h1>
        <Link href="/espaces/mes-fichiers">{t("myFiles.title")}</Link>
      </div>
      {archived ? (
        <>
          <p>
            <Link href="/espaces">{t("list.archives.back")}</Link>
          </p>
          <p className={ui.muted}>{t("list.archives.intro")}</p>
        </>
      ) : null}
      <nav aria-label={t("list.sortLabel")}>
        <ul className={ui.tabs}>
          {(["name", "recent"] as const).map((key) => (
            <li key={key}>
              <Link href={`${base}tri=${key}`} className={ui.tab} aria-current={sort === key ? "page" : undefined}>
                {t(`list.sort.${key}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {list.spaces.length ? (
        <ul className={styles.list}>
          {list.spaces.map((space) => (
            <li key={space.id} className={styles.item}>
              <div className={styles.itemMain}>
                <Link href={`/espaces/${space.id}`}>
                  <strong>{space.name}</strong>
                </Link>
                {space.description ? <span className={ui.muted}>{space.description}</span> : null}
              </div>
              <span className={ui.chip}>{t(`kinds.${space.kind}`)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className={ui.card}>{archived ? t("list.archives.empty") : t("list.empty")}</p>
      )}
      <Pager page={list.page} pageSize={list.pageSize} total={list.total} hrefOf={(n) => `${base}tri=${sort}&page=${n}`} />
      {!archived && list.archivedTotal ? (
        <p>
          <Link href="/espaces?archives=1">{t("list.archives.link", { count: list.archivedTotal })}</Link>
        </p>
      ) : null}
      {createsTeams ? <CreateTeamForm /> : null}
    </div>
  );
}
