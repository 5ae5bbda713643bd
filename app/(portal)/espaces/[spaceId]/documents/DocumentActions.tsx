"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import { FormAlert, useFormErrors } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import styles from "../../spaces.module.css";

/** Renames or deletes a document (its creator, or the space's owners). */
export function DocumentActions({ documentId, title }: { documentId: string; title: string }) {
  const t = useTranslations("spaces.documents");
  const tAll = useTranslations();
  const router = useRouter();
  const trpc = useTRPC();
  const rename = useMutation(trpc.spaces.renameDocument.mutationOptions());
  const remove = useMutation(trpc.spaces.removeDocument.mutationOptions({ onSuccess: () => router.refresh() }));
  const { error, reset, showFailure } = useFormErrors<"title">();
  const [renaming, setRenaming] = useState(false);
  const id = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset();
    try {
      await rename.mutateAsync({ documentId, title: String(new FormData(event.currentTarget).get("title") ?? "") });
      setRenaming(false);
      router.refresh();
    } catch (cause) {
      showFailure(cause, tAll("errors.internal"));
    }
  }

  if (renaming) {
    return (
      <form className={styles.inline} onSubmit={submit} noValidate>
        <FormAlert message={error} />
        <div className={ui.field}>
          <label className={ui.label} htmlFor={id}>
            {t("newName")}
          </label>
          <input className={ui.input} id={id} name="title" defaultValue={title} maxLength={200} required />
        </div>
        <button className={ui.button} type="submit" disabled={rename.isPending}>
          {t("save")}
        </button>
        <button className={`${ui.button} ${ui.secondary}`} type="button" onClick={() => setRenaming(false)}>
          {t("cancel")}
        </button>
      </form>
    );
  }
  return (
    <div className={styles.actions}>
      <button className={`${ui.button} ${ui.secondary}`} type="button" onClick={() => setRenaming(true)}>
        {t("rename")}
        <span className="visually-hidden"> — {title}</span>
      </button>
      <button
        className={`${ui.button} ${ui.secondary}`}
        type="button"
        disabled={remove.isPending}
        onClick={() => {
          if (window.confirm(t("removeConfirm", { title }))) remove.mutate({ documentId });
        }}
      >
        {t("remove")}
        <span className="visually-hidden"> — {title}</span>
      </button>
    </div>
  );
}
