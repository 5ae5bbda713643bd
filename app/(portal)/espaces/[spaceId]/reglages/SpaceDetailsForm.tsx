"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { TextField } from "@/app/components/TextField";
import { FormAlert, useFormErrors } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";

/** The owners rename the space and change its description. */
export function SpaceDetailsForm({ spaceId, name, description }: { spaceId: string; name: string; description: string }) {
  const t = useTranslations("spaces.settings.details");
  const tAll = useTranslations();
  const router = useRouter();
  const trpc = useTRPC();
  const update = useMutation(trpc.spaces.update.mutationOptions());
  const { fieldErrors, error, reset, showFailure } = useFormErrors<"name" | "description">();
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset();
    setSaved(false);
    const form = new FormData(event.currentTarget);
    try {
      await update.mutateAsync({ spaceId, name: String(form.get("name") ?? ""), description: String(form.get("description") ?? "") });
      setSaved(true);
      router.refresh();
    } catch (cause) {
      showFailure(cause, tAll("errors.internal"));
    }
  }

  return (
    <form className={`${ui.card} ${ui.stack}`} onSubmit={submit} noValidate>
      <h3>{t("title")}</h3>
      <FormAlert message={error} />
      <TextField name="name" label={t("name")} required maxLength={120} defaultValue={name} error={fieldErrors.name} />
      <TextField name="description" label={t("description")} maxLength={500} defaultValue={description} error={fieldErrors.description} />
      <div>
        <button className={ui.button} type="submit" disabled={update.isPending}>
          {t("submit")}
        </button>
      </div>
      {saved ? (
        <p className={ui.success} role="status">
          {t("saved")}
        </p>
      ) : null}
    </form>
  );
}
