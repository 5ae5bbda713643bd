"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useId } from "react";
import { FormAlert, useFormErrors } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import styles from "../spaces.module.css";

interface Props {
  fileId: string;
  name: string;
  folderId: string | null;
  /** whether the file is shared with families; null where families have no place (team spaces, one's own files) */
  forFamilies: boolean | null;
  destinations: { id: string; path: string[] }[];
}

/** A file's actions, folded away: rename, move to another folder, share with families, delete. */
export function FileActions({ fileId, name, folderId, forFamilies, destinations }: Props) {
  const t = useTranslations("spaces.files");
  const tAll = useTranslations();
  const router = useRouter();
  const trpc = useTRPC();
  const done = { onSuccess: () => router.refresh() };
  const rename = useMutation(trpc.files.renameFile.mutationOptions(done));
  const move = useMutation(trpc.files.moveFile.mutationOptions(done));
  const share = useMutation(trpc.files.shareFile.mutationOptions(done));
  const remove = useMutation(trpc.files.removeFile.mutationOptions(done));
  const { error, reset, showFailure } = useFormErrors<"name">();
  const id = useId();

  const run = (action: () => Promise<unknown>) => async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    reset();
    try {
      await action();
    } catch (cause) {
      showFailure(cause, tAll("errors.internal"));
    }
  };
  const field = (event: FormEvent<HTMLFormElement>, key: string) => String(new FormData(event.currentTarget).get(key) ?? "");

  return (
    <details>
      <summary>
        {t("actions")}
        <span className="visually-hidden"> — {name}</span>
      </summary>
      <div className={ui.stack}>
        <FormAlert message={error} />
        <form className={styles.inline} onSubmit={(e) => run(() => rename.mutateAsync({ fileId, name: field(e, "name") }))(e)}>
          <div className={ui.field}>
            <label className={ui.label} htmlFor={`${id}-name`}>
              {t("newName")}
            </label>
            <input className={ui.input} id={`${id}-name`} name="name" defaultValue={name} maxLength={120} required />
          </div>
          <button className={`${ui.button} ${ui.secondary}`} type="submit">
            {t("rename")}
          </button>
        </form>
        <form className={styles.inline} onSubmit={(e) => run(() => move.mutateAsync({ fileId, folderId: field(e, "folder") || null }))(e)}>
          <div className={ui.field}>
            <label className={ui.label} htmlFor={`${id}-folder`}>
              {t("moveTo")}
            </label>
            <select className={ui.input} id={`${id}-folder`} name="folder" defaultValue={folderId ?? ""}>
              <option value="">{t("top")}</option>
              {destinations.map((folder) => (
                <option key={folder.id} value={folder.id}>
                  {folder.path.join(" / ")}
                </option>
              ))}
            </select>
          </div>
          <button className={`${ui.button} ${ui.secondary}`} type="submit">
            {t("move")}
          </button>
        </form>
        <div className={styles.actions}>
          {forFamilies !== null ? (
            <button className={`${ui.button} ${ui.secondary}`} type="button" onClick={() => share.mutate({ fileId, forFamilies: !forFamilies })}>
              {forFamilies ? t("unshare") : t("share")}
            </button>
          ) : null}
          <button
            className={`${ui.button} ${ui.secondary}`}
            type="button"
            onClick={() => {
              if (window.confirm(t("removeConfirm", { name }))) remove.mutate({ fileId });
            }}
          >
            {t("remove")}
          </button>
        </div>
      </div>
    </details>
  );
}
