import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { RichText } from "@/app/components/RichText";
import ui from "@/app/components/ui.module.css";
import { serverCaller } from "@/server/trpc/request-context";
import { guarded } from "../../guarded";
import { Pager } from "../Pager";
import styles from "../spaces.module.css";
import { PostForm } from "./PostForm";
import { RemovePostButton } from "./RemovePostButton";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("spaces"))("stream.title") };
}

type Props = { params: Promise<{ spaceId: string }>; searchParams: Promise<{ page?: string }> };

/** Le fil: the space's posts, newest first; its writers post, for the members or also for families (class spaces). */
export default async function StreamPage({ params, searchParams }: Props) {
  const { spaceId } = await params;
  const { page } = await searchParams;
  const { ctx, api } = await serverCaller();
  const t = await getTranslations("spaces.stream");
  const format = await getFormatter();
  const [space, stream] = await Promise.all([
    guarded(() => api.spaces.get({ spaceId })),
    guarded(() => api.spaces.posts({ spaceId, page: Math.max(1, Number.parseInt(page ?? "1", 10) || 1) })),
  ]);
  const viewerId = ctx.actor?.personId;
  const writes = space.role === "owner" || space.role === "contributor";
  return (
    <section className={ui.stack} aria-labelledby="stream-title">
      <h2 id="stream-title">{t("title")}</h2>
      {writes && !space.archived ? <PostForm spaceId={spaceId} forFamilies={space.kind === "class"} /> : null}
      {stream.posts.length ? (
        <ul className={styles.list}>
          {stream.posts.map((post) => (
            <li key={post.id} className={`${ui.card} ${styles.post}`}>
              <p className={styles.meta}>
                {post.authorFirstName ? `${post.authorFirstName} ${post.authorLastName}` : t("formerMember")} ·{" "}
                {format.dateTime(post.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                {post.audience === "families" ? ` · ${t("forFamilies")}` : ""}
              </p>
              <RichText doc={post.body} />
              {space.role === "owner" || (writes && post.authorId === viewerId) ? <RemovePostButton postId={post.id} /> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className={ui.card}>{t("empty")}</p>
      )}
      <Pager page={stream.page} pageSize={stream.pageSize} total={stream.total} hrefOf={(n) => `/espaces/${spaceId}?page=${n}`} />
    </section>
  );
}
