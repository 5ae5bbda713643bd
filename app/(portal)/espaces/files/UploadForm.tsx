"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useId } from "react";
import { FormAlert, useFormErrors } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import { base64Of } from "../base64";

/** Sends a file to a folder of a space or of one's own files; size and type are checked by the server. */
export function UploadForm({ spaceId, folderId, familySharing }: { spaceId: string | null; folderId: string | null; familySharing: boolean }) {
  const t = useTranslations("spaces.files");
  const tAll = useTranslations();
  const router = useRouter();
  const trpc = useTRPC();
  const upload = useMutation(trpc.files.upload.mutationOptions());
  const { fieldErrors, setFieldErrors, error, reset, showFailure } = useFormErrors<"file">();
  const id = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return setFieldErrors({ file: t("chooseFile") });
    try {
      await upload.mutateAsync({ spaceId, folderId, forFamilies: form.get("forFamilies") === "on", file: { name: file.name, content: await base64Of(file) } });
      formElement.reset();
      router.refresh();
    } catch (cause) {
      showFailure(cause, tAll("errors.internal"));
    }
  }

  return (
    <form className={`${ui.card} ${ui.stack}`} onSubmit={submit} noValidate>
      <h3>{t("upload")}</h3>
      <FormAlert message={error} />
      <div className={ui.field}>
        <label className={ui.label} htmlFor={id}>
          {t("file")}
        </label>
        <input
          className={ui.input}
          id={id}
          name="file"
          type="file"
          aria-invalid={fieldErrors.file ? true : undefined}
          aria-describedby={fieldErrors.file ? `${id}-error` : undefined}
        />
        {fieldErrors.file ? (
          <p className={ui.fieldError} id={`${id}-error`}>
            {fieldErrors.file}
          </p>
        ) : null}
      </div>
      {familySharing ? (
        <label className={ui.checkbox}>
          <input type="checkbox" name="forFamilies" /> {t("shareWithFamilies")}
        </label>
      ) : null}
      <div>
        <button className={ui.button} type="submit" disabled={upload.isPending}>
          {upload.isPending ? t("sending") : t("send")}
        </button>
      </div>
    </form>
  );
}
