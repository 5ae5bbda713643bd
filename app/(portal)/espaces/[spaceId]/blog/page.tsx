import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { guarded } from "@/app/(portal)/guarded";
import ui from "@/app/components/ui.module.css";
import { serverCaller } from "@/server/trpc/request-context";
import styles from "./blog.module.css";
import { NewPost } from "./NewPost";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("blog"))("title") };
}

/** A space's blog: its posts (drafts too for its members), and a new post for those who write in the space. */
export default async function BlogPage({ params }: { params: Promise<{ spaceId: string }> }) {
  const { spaceId } = await params;
  const { api } = await serverCaller();
  const t = await getTranslations("blog");
  const format = await getFormatter();
  const { posts, canWrite } = await guarded(() => api.blog.list({ spaceId }));
  return (
    <div className={ui.stack}>
      <h1>{t("title")}</h1>
      <p className={ui.muted}>{t("intro")}</p>
      {canWrite ? <NewPost spaceId={spaceId} /> : null}
      {posts.length === 0 ? <p className={ui.card}>{t("none")}</p> : null}
      <ul className={styles.posts}>
        {posts.map((post) => (
          <li key={post.id} className={ui.card}>
            <h2 className={styles.postTitle}>
              <Link href={`/espaces/${spaceId}/blog/${post.id}`}>{post.title}</Link>
            </h2>
            <p className={ui.muted}>
              <span className={styles.status}>{t(`status.${post.status}`)}</span>{" "}
              {post.publishedAt && post.status === "published" ? t("publishedOn", { date: format.dateTime(post.publishedAt, { dateStyle: "long" }) }) : null}{" "}
              {post.author ? t("by", { name: post.author }) : null}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
