"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useId } from "react";
import { FormAlert, useFormErrors } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";

/** Makes a folder inside the current one. */
export function NewFolderForm({ spaceId, parentId }: { spaceId: string | null; parentId: string | null }) {
  const t = useTranslations("spaces.files");
  const tAll = useTranslations();
  const router = useRouter();
  const trpc = useTRPC();
  const create = useMutation(trpc.files.createFolder.mutationOptions());
  const { error, reset, showFailure } = useFormErrors<"name">();
  const id = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset();
    const formElement = event.currentTarget;
    try {
      await create.mutateAsync({ spaceId, parentId, name: String(new FormData(formElement).get("name") ?? "") });
      formElement.reset();
      router.refresh();
    } catch (cause) {
      showFailure(cause, tAll("errors.internal"));
    }
  }

  return (
    <form className={`${ui.card} ${ui.stack}`} onSubmit={submit} noValidate>
      <h3>{t("newFolder")}</h3>
      <FormAlert message={error} />
      <div className={ui.field}>
        <label className={ui.label} htmlFor={id}>
          {t("folderName")}
        </label>
        <input className={ui.input} id={id} name="name" maxLength={120} required />
      </div>
      <div>
        <button className={ui.button} type="submit" disabled={create.isPending}>
          {t("createFolder")}
        </button>
      </div>
    </form>
  );
}
