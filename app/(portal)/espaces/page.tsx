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

type Search = Promise<{ page?: string; tri?: string }>;

/** Mes espaces: the person's class spaces, teams and group-work teams, a page at a time, by name or newest first. */
export default async function SpacesPage({ searchParams }: { searchParams: Search }) {
  const { ctx, api } = await serverCaller();
  const t = await getTranslations("spaces");
  const { page, tri } = await searchParams;
  const sort = tri === "recent" ? "recent" : "name";
  const list = await api.spaces.mine({ page: Math.max(1, Number.parseInt(page ?? "1", 10) || 1), sort });
  const scope = ctx.actor?.scope;
  const createsTeams = Boolean(scope && hasRole(scope, "teacher", ...STAFF_ROLES));
  return (
    <div className={ui.stack}>
      <div className={styles.header}>
        <h1>{t("title")}</h1>
        <Link href="/espaces/mes-fichiers">{t("myFiles.title")}</Link>
      </div>
      <nav aria-label={t("list.sortLabel")}>
        <ul className={ui.tabs}>
          {(["name", "recent"] as const).map((key) => (
            <li key={key}>
              <Link href={`/espaces?tri=${key}`} className={ui.tab} aria-current={sort === key ? "page" : undefined}>
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
              <span className={ui.chip}>
                {t(`kinds.${space.kind}`)}
                {space.archived ? ` · ${t("list.archived")}` : ""}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className={ui.card}>{t("list.empty")}</p>
      )}
      <Pager page={list.page} pageSize={list.pageSize} total={list.total} hrefOf={(n) => `/espaces?tri=${sort}&page=${n}`} />
      {createsTeams ? <CreateTeamForm /> : null}
    </div>
  );
}
