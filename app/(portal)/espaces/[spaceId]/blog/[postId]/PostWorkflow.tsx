"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import styles from "../blog.module.css";

type Status = "draft" | "submitted" | "published" | "unpublished";
type Audience = "members" | "families" | "establishment";

/** The post's next steps: write it, submit it (its writers), publish it for an audience or take it down (owners). */
export function PostWorkflow(props: { spaceId: string; documentId: string; status: Status; audience: Audience; manages: boolean }) {
  const { spaceId, documentId, status, manages } = props;
  const t = useTranslations("blog");
  const trpc = useTRPC();
  const router = useRouter();
  const audienceId = useId();
  const [audience, setAudience] = useState<Audience>(props.audience);
  const [message, setMessage] = useState<string | null>(null);
  const done = {
    onSuccess: () => {
      setMessage(t("done"));
      router.refresh();
    },
    onError: (error: { message: string }) => setMessage(error.message),
  };
  const submit = useMutation(trpc.blog.submit.mutationOptions(done));
  const publish = useMutation(trpc.blog.publish.mutationOptions(done));
  const unpublish = useMutation(trpc.blog.unpublish.mutationOptions(done));

  return (
    <section className={ui.card} aria-label={t("write")}>
      <div className={styles.row}>
        <Link className={`${ui.button} ${ui.secondary}`} href={`/espaces/${spaceId}/documents/${documentId}`}>
          {t("write")}
        </Link>
        {status === "draft" || status === "unpublished" ? (
          <button type="button" className={ui.button} onClick={() => submit.mutate({ documentId })}>
            {t("submit")}
          </button>
        ) : null}
        {manages ? (
          <>
            <div className={ui.field}>
              <label className={ui.label} htmlFor={audienceId}>
                {t("audience.label")}
              </label>
              <select id={audienceId} className={ui.input} value={audience} onChange={(event) => setAudience(event.target.value as Audience)}>
                {(["members", "families", "establishment"] as const).map((value) => (
                  <option key={value} value={value}>
                    {t(`audience.${value}`)}
                  </option>
                ))}
              </select>
            </div>
            <button type="button" className={ui.button} onClick={() => publish.mutate({ documentId, audience })}>
              {t("publish")}
            </button>
            {status === "published" ? (
              <button type="button" className={`${ui.button} ${ui.secondary}`} onClick={() => unpublish.mutate({ documentId })}>
                {t("unpublish")}
              </button>
            ) : null}
          </>
        ) : null}
      </div>
      <p role="status">{message}</p>
    </section>
  );
}
