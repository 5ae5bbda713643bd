"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { FormAlert, useFormErrors } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import type { AppRouter } from "@/server/trpc/root";
import { useLiveEvents } from "../../LiveEvents";
import { type Attached, Attachments } from "../Attachments";
import styles from "../messaging.module.css";
import { ReportButton } from "./ReportButton";

type ThreadData = inferRouterOutputs<AppRouter>["messaging"]["thread"];

/** A conversation that updates itself when a message arrives (live channel), with the reply form beneath. */
export function Thread({ initial }: { initial: ThreadData }) {
  const t = useTranslations("messaging");
  const tAll = useTranslations();
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const input = { conversationId: initial.id };
  const thread = useQuery({ ...trpc.messaging.thread.queryOptions(input), initialData: initial }).data;
  const markRead = useMutation(trpc.messaging.markRead.mutationOptions());
  const send = useMutation(trpc.messaging.reply.mutationOptions());
  const archive = useMutation(trpc.messaging.archive.mutationOptions());
  const remove = useMutation(trpc.messaging.remove.mutationOptions());
  const [files, setFiles] = useState<Attached[]>([]);
  const [privateTo, setPrivateTo] = useState<string | null>(null);
  const { fieldErrors, error, reset, showFailure } = useFormErrors<"body">();

  useLiveEvents((event) => {
    if (event.type !== "message" || event.conversationId !== initial.id) return;
    void queryClient.invalidateQueries(trpc.messaging.thread.queryFilter(input)).then(() => markRead.mutate(input));
  });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset();
    const form = event.currentTarget;
    try {
      await send.mutateAsync({ ...input, body: String(new FormData(form).get("body") ?? ""), fileIds: files.map((f) => f.id), privateTo });
      form.reset();
      setFiles([]);
      await queryClient.invalidateQueries(trpc.messaging.thread.queryFilter(input));
    } catch (cause) {
      showFailure(cause, tAll("errors.internal"));
    }
  }

  const privateAuthors = thread.isSender && thread.broadcast
    ? [...new Map(thread.messages.filter((m) => !m.mine && m.authorId).map((m) => [m.authorId!, m.author ?? ""])).entries()]
    : [];

  return (
    <div className={ui.stack}>
      <p>
        <Link href="/messagerie">{t("back")}</Link>
      </p>
      <h1>{thread.subject}</h1>
      <p className={ui.muted}>
        {thread.inbox ? `${t(`inboxes.${thread.inbox}`)} · ` : ""}
        {thread.with.length ? t("with", { names: thread.with.slice(0, 10).join(", ") }) : null}
        {thread.with.length > 10 ? ` ${t("andOthers", { count: thread.with.length - 10 })}` : ""}
      </p>
      {thread.inbox ? (
        <p className={ui.chip} data-testid="handled">
          {thread.handledBy ? t("handledBy", { name: thread.handledBy }) : t("notHandled")}
        </p>
      ) : null}
      {thread.broadcast && !thread.isSender ? <p className={ui.hint}>{t("broadcastHint")}</p> : null}
      <ol className={styles.thread} aria-label={t("messages")} aria-live="polite">
        {thread.messages.map((m) => (
          <li key={m.id} className={`${styles.message} ${m.mine ? styles.mine : ""}`}>
            <div className={styles.meta}>
              <strong>{m.mine ? t("me") : (m.author ?? t("formerAccount"))}</strong>
              <span>
                {m.privateTo ? `${t("privately")} · ` : ""}
                {format.dateTime(m.createdAt, { day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" })}
              </span>
            </div>
            <p className={styles.body}>{m.body}</p>
            {m.attachments.length ? (
              <ul className={ui.chips} aria-label={t("attachments.title")}>
                {m.attachments.map((a) => (
                  <li key={a.id} className={ui.chip}>
                    <a href={`/api/messagerie/pieces-jointes/${a.id}`} download>
                      {a.name}
                    </a>{" "}
                    <span className={ui.muted}>({format.number(a.size / 1024, { maximumFractionDigits: 0 })} Ko)</span>
                  </li>
                ))}
              </ul>
            ) : null}
            {!m.mine ? <ReportButton messageId={m.id} /> : null}
          </li>
        ))}
      </ol>
      <form className={`${ui.card} ${ui.stack}`} onSubmit={submit} noValidate>
        <h2>{t("reply")}</h2>
        <FormAlert message={error} />
        {privateAuthors.length ? (
          <div className={ui.field}>
            <label className={ui.label} htmlFor="reply-to">
              {t("replyTo")}
            </label>
            <select className={ui.input} id="reply-to" value={privateTo ?? ""} onChange={(e) => setPrivateTo(e.currentTarget.value || null)}>
              <option value="">{t("replyToAll")}</option>
              {privateAuthors.map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className={ui.field}>
          <label className={ui.label} htmlFor="reply-body">
            {t("body")}
          </label>
          <textarea className={ui.input} id="reply-body" name="body" rows={5} required maxLength={10_000} aria-invalid={fieldErrors.body ? true : undefined} />
          {fieldErrors.body ? <p className={ui.fieldError}>{fieldErrors.body}</p> : null}
        </div>
        <Attachments files={files} onChange={setFiles} />
        <p className={styles.tabs}>
          <button className={ui.button} type="submit" disabled={send.isPending}>
            {t("send")}
          </button>
          <button
            className={`${ui.button} ${ui.secondary}`}
            type="button"
            onClick={() => archive.mutateAsync({ ...input, archived: !thread.archived }).then(() => router.push("/messagerie"))}
          >
            {thread.archived ? t("unarchive") : t("archiveAction")}
          </button>
          <button
            className={`${ui.button} ${ui.secondary}`}
            type="button"
            onClick={() => {
              if (window.confirm(t("deleteConfirm"))) void remove.mutateAsync(input).then(() => router.push("/messagerie"));
            }}
          >
            {t("delete")}
          </button>
        </p>
      </form>
    </div>
  );
}
