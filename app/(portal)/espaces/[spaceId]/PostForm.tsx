"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { RichTextEditor } from "@/app/components/RichTextEditor";
import { FormAlert, useFormErrors } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import { isBlank, type RichDoc } from "@/server/rich-text/rich-text";

/** Writes a post in the stream: for the members, or (class spaces) also for the pupils' families. */
export function PostForm({ spaceId, forFamilies }: { spaceId: string; forFamilies: boolean }) {
  const t = useTranslations("spaces.stream");
  const tAll = useTranslations();
  const router = useRouter();
  const trpc = useTRPC();
  const post = useMutation(trpc.spaces.post.mutationOptions());
  const { fieldErrors, setFieldErrors, error, reset, showFailure } = useFormErrors<"body">();
  const [body, setBody] = useState<RichDoc | null>(null);
  const [version, setVersion] = useState(0);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset();
    if (!body || isBlank(body)) return setFieldErrors({ body: t("bodyRequired") });
    const audience = new FormData(event.currentTarget).get("audience") === "families" ? "families" : "members";
    try {
      await post.mutateAsync({ spaceId, body, audience });
      setBody(null);
      setVersion((v) => v + 1);
      router.refresh();
    } catch (cause) {
      showFailure(cause, tAll("errors.internal"));
    }
  }

  return (
    <form className={`${ui.card} ${ui.stack}`} onSubmit={submit} noValidate>
      <FormAlert message={error} />
      <div className={ui.field}>
        <span className={ui.label} id="post-body-label">
          {t("newPost")}
        </span>
        <RichTextEditor key={version} labelId="post-body-label" initial={null} onChange={setBody} error={fieldErrors.body} />
      </div>
      {forFamilies ? (
        <div className={ui.field}>
          <label className={ui.label} htmlFor="post-audience">
            {t("audience")}
          </label>
          <select className={ui.input} id="post-audience" name="audience" defaultValue="members">
            <option value="members">{t("audiences.members")}</option>
            <option value="families">{t("audiences.families")}</option>
          </select>
        </div>
      ) : null}
      <div>
        <button className={ui.button} type="submit" disabled={post.isPending}>
          {t("publish")}
        </button>
      </div>
    </form>
  );
}
