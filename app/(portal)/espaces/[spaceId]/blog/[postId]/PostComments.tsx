"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import styles from "../blog.module.css";

/**
 * A published post's comments: approved ones for all, one's own while pending, all with approve/refuse for owners; a
 * form to add one unless the post's space is archived.
 */
export function PostComments({ documentId, manages, acceptsComments }: { documentId: string; manages: boolean; acceptsComments: boolean }) {
  const t = useTranslations("blog.comments");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const fieldId = useId();
  const errorId = useId();
  const comments = useQuery(trpc.blog.comments.queryOptions({ documentId }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.blog.comments.queryKey({ documentId }) });
  const send = useMutation(trpc.blog.comment.mutationOptions({ onSuccess: refresh }));
  const moderate = useMutation(trpc.blog.moderate.mutationOptions({ onSuccess: refresh }));
  const [body, setBody] = useState("");
  const [sent, setSent] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSent(false);
    try {
      await send.mutateAsync({ documentId, body });
      setBody("");
      setSent(true);
    } catch {
      // the error is shown under the field
    }
  }

  return (
    <section className={ui.card} aria-labelledby="comments-title">
      <h2 id="comments-title">{t("title")}</h2>
      {comments.data?.length === 0 ? <p>{t("none")}</p> : null}
      <ul className={styles.comments}>
        {comments.data?.map((comment) => (
          <li key={comment.id} className={styles.comment}>
            <strong>{comment.author ?? t("anonymous")}</strong> · {format.dateTime(comment.createdAt, { dateStyle: "short", timeStyle: "short" })}
            {comment.status === "pending" ? <em> · {t("pending")}</em> : null}
            <br />
            {comment.body}
            {manages && comment.status === "pending" ? (
              <span className={styles.row}>
                <button type="button" className={ui.button} onClick={() => moderate.mutate({ documentId, commentId: comment.id, approve: true })}>
                  {t("approve")}
                </button>
                <button type="button" className={`${ui.button} ${ui.secondary}`} onClick={() => moderate.mutate({ documentId, commentId: comment.id, approve: false })}>
                  {t("refuse")}
                </button>
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {acceptsComments ? (
        <form onSubmit={(event) => void submit(event)} className={ui.stack}>
          <label className={ui.label} htmlFor={fieldId}>
            {t("label")}
          </label>
          <textarea
            id={fieldId}
            className={`${ui.input} ${styles.textarea}`}
            value={body}
            maxLength={2000}
            aria-invalid={send.error ? true : undefined}
            aria-describedby={send.error ? errorId : undefined}
            onChange={(event) => setBody(event.target.value)}
          />
          {send.error ? (
            <p className={ui.fieldError} id={errorId}>
              {send.error.message}
            </p>
          ) : null}
          <p role="status">{sent ? t("sent") : null}</p>
          <div>
            <button type="submit" className={ui.button} disabled={send.isPending}>
              {t("send")}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
