"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useId } from "react";
import { FormAlert, useFormErrors } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import styles from "../spaces.module.css";

/** A folder's actions, folded away: rename it, or delete it with everything inside. */
export function FolderActions({ folderId, name }: { folderId: string; name: string }) {
  const t = useTranslations("spaces.files");
  const tAll = useTranslations();
  const router = useRouter();
  const trpc = useTRPC();
  const rename = useMutation(trpc.files.renameFolder.mutationOptions({ onSuccess: () => router.refresh() }));
  const remove = useMutation(trpc.files.removeFolder.mutationOptions({ onSuccess: () => router.refresh() }));
  const { error, reset, showFailure } = useFormErrors<"name">();
  const id = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset();
    try {
      await rename.mutateAsync({ folderId, name: String(new FormData(event.currentTarget).get("name") ?? "") });
    } catch (cause) {
      showFailure(cause, tAll("errors.internal"));
    }
  }

  return (
    <details>
      <summary>
        {t("actions")}
        <span className="visually-hidden"> — {name}</span>
      </summary>
      <div className={ui.stack}>
        <FormAlert message={error} />
        <form className={styles.inline} onSubmit={submit}>
          <div className={ui.field}>
            <label className={ui.label} htmlFor={id}>
              {t("newName")}
            </label>
            <input className={ui.input} id={id} name="name" defaultValue={name} maxLength={120} required />
          </div>
          <button className={`${ui.button} ${ui.secondary}`} type="submit">
            {t("rename")}
          </button>
        </form>
        <div>
          <button
            className={`${ui.button} ${ui.secondary}`}
            type="button"
            onClick={() => {
              if (window.confirm(t("removeFolderConfirm", { name }))) remove.mutate({ folderId });
            }}
          >
            {t("removeFolder")}
          </button>
        </div>
      </div>
    </details>
  );
}
