"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { TextField } from "@/app/components/TextField";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import styles from "./blog.module.css";

/** Starts a post (a draft) and opens it in the co-editing editor. */
export function NewPost({ spaceId }: { spaceId: string }) {
  const t = useTranslations("blog");
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.blog.create.mutationOptions());
  const [title, setTitle] = useState("");

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      const post = await create.mutateAsync({ spaceId, title });
      router.push(`/espaces/${spaceId}/documents/${post.id}`);
    } catch {
      // the error is shown under the field
    }
  }

  return (
    <section className={ui.card} aria-labelledby="new-post">
      <h2 id="new-post">{t("newPost")}</h2>
      <form className={styles.row} onSubmit={(event) => void submit(event)}>
        <TextField name="post-title" label={t("postTitle")} value={title} maxLength={200} onChange={(event) => setTitle(event.target.value)} error={create.error?.message} />
        <button type="submit" className={ui.button} disabled={create.isPending}>
          {t("create")}
        </button>
      </form>
    </section>
  );
}
