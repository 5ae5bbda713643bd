import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { guarded } from "@/app/(portal)/guarded";
import ui from "@/app/components/ui.module.css";
import { serverCaller } from "@/server/trpc/request-context";
import styles from "../blog.module.css";
import { PostComments } from "./PostComments";
import { PostWorkflow } from "./PostWorkflow";

type Params = Promise<{ spaceId: string; postId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { postId } = await params;
  const { api } = await serverCaller();
  const post = await api.blog.get({ documentId: postId }).catch(() => null);
  return { title: post?.title ?? (await getTranslations("blog"))("title") };
}

/**
 * A blog post as its readers see it (the HTML rendered through the allow-list when it was published), with its
 * workflow for the space's members and owners, and its comments.
 */
export default async function PostPage({ params }: { params: Params }) {
  const { spaceId, postId } = await params;
  const { api } = await serverCaller();
  const t = await getTranslations("blog");
  const format = await getFormatter();
  const post = await guarded(() => api.blog.get({ documentId: postId }));
  if (post.spaceId !== spaceId) notFound();
  return (
    <div className={ui.stack}>
      <p>
        <Link href={`/espaces/${spaceId}/blog`}>{t("title")}</Link>
      </p>
      <h1>{post.title}</h1>
      <p className={ui.muted}>
        <span className={styles.status}>{t(`status.${post.status}`)}</span>{" "}
        {post.publishedAt && post.status === "published" ? t("publishedOn", { date: format.dateTime(post.publishedAt, { dateStyle: "long" }) }) : null}
      </p>
      {post.member ? (
        <PostWorkflow spaceId={spaceId} documentId={postId} status={post.status} audience={post.audience} manages={post.manages} />
      ) : null}
      {post.publishedHtml ? (
        // Rendered on the server from the stored document through an allow-list (server/documents/render.ts).
        <article className={`${ui.card} ${styles.article}`} dangerouslySetInnerHTML={{ __html: post.publishedHtml }} />
      ) : (
        <p className={ui.card}>{t("notPublished")}</p>
      )}
      {post.status === "published" ? <PostComments documentId={postId} manages={post.manages} acceptsComments={!post.archived} /> : null}
    </div>
  );
}
