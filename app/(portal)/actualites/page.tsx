import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { NEWS_ROLES } from "@/server/news/announcements";
import { hasRole } from "@/server/policy/scope";
import { serverCaller } from "@/server/trpc/request-context";
import styles from "../messagerie/messaging.module.css";
import { MarkSeen } from "./MarkSeen";
import { PublishForm } from "./PublishForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("news"))("title") };
}

/** Actualités: the announcements meant for this person now, pinned first; their authors see how many read them. */
export default async function NewsPage() {
  const { ctx, api } = await serverCaller();
  const [t, tRoles, format] = await Promise.all([getTranslations("news"), getTranslations("roles"), getFormatter()]);
  const [feed, classes] = await Promise.all([api.news.feed(), api.news.classes()]);
  const scope = ctx.actor?.scope;
  const wholeSchool = scope ? hasRole(scope, ...NEWS_ROLES) : false;
  return (
    <div className={ui.stack}>
      <h1>{t("title")}</h1>
      <p>
        <Link href="/actualites/cantine">{t("canteen.link")}</Link>
      </p>
      <MarkSeen ids={feed.filter((a) => !a.read && !a.mine).map((a) => a.id)} />
      {feed.length === 0 ? <p className={ui.muted}>{t("none")}</p> : null}
      <ul className={styles.thread} aria-label={t("title")}>
        {feed.map((a) => (
          <li key={a.id} className={`${ui.card} ${a.pinned ? styles.pinned : ""}`}>
            <article aria-labelledby={`news-${a.id}`}>
              <h2 id={`news-${a.id}`}>
                {a.pinned ? <span className={ui.chip}>{t("pinned")}</span> : null} {a.title}
              </h2>
              <p className={ui.muted}>
                {a.author ? `${a.author.firstName} ${a.author.lastName} · ` : ""}
                {format.dateTime(a.publishAt, { day: "numeric", month: "long", year: "numeric" })}
                {a.classes.length ? ` · ${a.classes.join(", ")}` : ` · ${t("wholeSchool")}`}
                {a.roles.length ? ` · ${a.roles.map((r) => tRoles(r)).join(", ")}` : ""}
              </p>
              <p className={styles.body}>{a.body}</p>
              {a.reads !== null ? <p className={ui.hint}>{t("reads", { count: a.reads })}</p> : null}
            </article>
          </li>
        ))}
      </ul>
      {wholeSchool || classes.length ? <PublishForm classes={classes} wholeSchool={wholeSchool} /> : null}
    </div>
  );
}
