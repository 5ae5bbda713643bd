"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useFormatter, useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { TextField } from "@/app/components/TextField";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import styles from "./document.module.css";

/**
 * The document's versions, newest first: name the current one, view one (rendered read-only on the server, through
 * the allow-list), restore one (writers), which every co-writer then sees live.
 */
export function VersionHistory({ documentId, canRestore }: { documentId: string; canRestore: boolean }) {
  const t = useTranslations("documents.versions");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const versions = useQuery(trpc.documents.versions.queryOptions({ documentId }));
  const [viewing, setViewing] = useState<string | null>(null);
  const preview = useQuery({ ...trpc.documents.version.queryOptions({ documentId, versionId: viewing ?? documentId }), enabled: !!viewing });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.documents.versions.queryKey({ documentId }) });
  const nameVersion = useMutation(trpc.documents.nameVersion.mutationOptions({ onSuccess: refresh }));
  const restore = useMutation(trpc.documents.restore.mutationOptions({ onSuccess: refresh }));
  const [name, setName] = useState("");
  const [notice, setNotice] = useState<string | null>(null);

  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });

  async function save(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    try {
      await nameVersion.mutateAsync({ documentId, name });
      setNotice(t("saved", { name: name.trim() }));
      setName("");
    } catch {
      // the error is shown under the field
    }
  }

  async function bringBack(versionId: string) {
    if (!window.confirm(t("confirmRestore"))) return;
    setNotice(null);
    try {
      await restore.mutateAsync({ documentId, versionId });
      setNotice(t("restored"));
    } catch (cause) {
      // the server's translated reason (the document would grow too large), or a plain failure
      setNotice(cause instanceof TRPCClientError ? cause.message : t("failed"));
    }
  }

  return (
    <section className={ui.card} aria-labelledby="versions-title">
      <h2 id="versions-title">{t("title")}</h2>
      <p className={ui.muted}>{t("intro")}</p>
      {canRestore ? (
        <form className={styles.nameForm} onSubmit={(event) => void save(event)}>
          <TextField
            name="version-name"
            label={t("nameLabel")}
            placeholder={t("namePlaceholder")}
            value={name}
            maxLength={120}
            onChange={(event) => setName(event.target.value)}
            error={nameVersion.error?.message}
          />
          <button type="submit" className={ui.button} disabled={nameVersion.isPending}>
            {t("save")}
          </button>
        </form>
      ) : null}
      <p role="status">{notice}</p>
      {versions.data?.length === 0 ? <p>{t("none")}</p> : null}
      <ul className={styles.versions} data-testid="versions">
        {versions.data?.map((version) => (
          <li key={version.id}>
            <div className={styles.version}>
              <span>
                <strong>{version.kind === "named" ? version.name : t("auto")}</strong>
                <br />
                {when(version.createdAt)} {version.createdBy ? t("by", { name: version.createdBy }) : null}
              </span>
              <span className={styles.versionActions}>
                <button
                  type="button"
                  className={`${ui.button} ${ui.secondary}`}
                  aria-expanded={viewing === version.id}
                  aria-label={viewing === version.id ? t("hide") : t("viewOf", { date: when(version.createdAt) })}
                  onClick={() => setViewing(viewing === version.id ? null : version.id)}
                >
                  {viewing === version.id ? t("hide") : t("view")}
                </button>
                {canRestore ? (
                  <button
                    type="button"
                    className={ui.button}
                    aria-label={t("restoreOf", { date: when(version.createdAt) })}
                    disabled={restore.isPending}
                    onClick={() => void bringBack(version.id)}
                  >
                    {t("restore")}
                  </button>
                ) : null}
              </span>
            </div>
            {viewing === version.id && preview.data ? (
              <div
                className={styles.preview}
                role="region"
                aria-label={t("preview", { date: when(version.createdAt) })}
                // Rendered on the server from the stored document through an allow-list (server/documents/render.ts).
                dangerouslySetInnerHTML={{ __html: preview.data.html }}
              />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
