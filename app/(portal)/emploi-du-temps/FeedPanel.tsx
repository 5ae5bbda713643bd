"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { FormAlert } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import styles from "./timetable.module.css";

/**
 * The person's calendar subscription: the secret URL is shown once, when it is made (only its hash is kept); making a
 * new one revokes the old.
 */
export function FeedPanel() {
  const t = useTranslations();
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const status = useQuery(trpc.timetable.feed.queryOptions());
  const regenerate = useMutation(trpc.timetable.regenerateFeed.mutationOptions());
  const revoke = useMutation(trpc.timetable.revokeFeed.mutationOptions());
  const [url, setUrl] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.timetable.feed.queryKey() });
  const when = (date: Date) => format.dateTime(date, { dateStyle: "long", timeStyle: "short" });

  async function makeUrl() {
    if (status.data && !window.confirm(t("timetable.feed.regenerateConfirm"))) return;
    setError(null);
    setCopied(false);
    try {
      setUrl((await regenerate.mutateAsync()).url);
      await refresh();
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : t("errors.internal"));
    }
  }

  async function deleteUrl() {
    if (!window.confirm(t("timetable.feed.revokeConfirm"))) return;
    setError(null);
    try {
      await revoke.mutateAsync();
      setUrl(null);
      await refresh();
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : t("errors.internal"));
    }
  }

  async function copy() {
    if (!url) return;
    await navigator.clipboard.writeText(url);
    setCopied(true);
  }

  return (
    <section className={`${ui.card} ${ui.stack} ${styles.panel}`} aria-labelledby="feed-title">
      <h2 id="feed-title">{t("timetable.feed.title")}</h2>
      <p>{t("timetable.feed.intro")}</p>
      <FormAlert message={error} />
      {url ? (
        <div className={ui.field}>
          <label className={ui.label} htmlFor="feed-url">
            {t("timetable.feed.url")}
          </label>
          <input id="feed-url" className={`${ui.input} ${styles.feedUrl}`} readOnly value={url} onFocus={(e) => e.currentTarget.select()} aria-describedby="feed-once" />
          <p className={ui.hint} id="feed-once">
            {t("timetable.feed.shownOnce")}
          </p>
          <div className={styles.actions}>
            <button type="button" className={ui.button} onClick={() => void copy()}>
              {t("timetable.feed.copy")}
            </button>
          </div>
          <p className={ui.hint} aria-live="polite">
            {copied ? t("timetable.feed.copied") : ""}
          </p>
        </div>
      ) : null}
      {status.data ? (
        <p className={ui.muted}>
          {t("timetable.feed.existing", { date: when(status.data.createdAt) })}{" "}
          {status.data.lastFetchedAt ? t("timetable.feed.lastFetched", { date: when(status.data.lastFetchedAt) }) : t("timetable.feed.neverFetched")}
        </p>
      ) : status.isSuccess ? (
        <p className={ui.muted}>{t("timetable.feed.none")}</p>
      ) : null}
      <div className={styles.actions}>
        {status.data ? (
          <button type="button" className={`${ui.button} ${ui.secondary} ${styles.danger}`} onClick={() => void deleteUrl()} disabled={revoke.isPending}>
            {t("timetable.feed.revoke")}
          </button>
        ) : null}
        <button type="button" className={`${ui.button} ${status.data ? ui.secondary : ""}`} onClick={() => void makeUrl()} disabled={regenerate.isPending}>
          {status.data ? t("timetable.feed.regenerate") : t("timetable.feed.create")}
        </button>
      </div>
    </section>
  );
}
