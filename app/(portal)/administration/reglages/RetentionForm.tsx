"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { TextField } from "@/app/components/TextField";
import { FormAlert, useFormErrors } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";

/** How many days the audit log is kept before the purge deletes its entries. */
export function RetentionForm({ days }: { days: number }) {
  const t = useTranslations("admin.settings");
  const trpc = useTRPC();
  const save = useMutation(trpc.admin.setRetention.mutationOptions());
  const { fieldErrors, error, reset, showFailure } = useFormErrors<"auditDays">();
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset();
    setSaved(false);
    try {
      await save.mutateAsync({ auditDays: Number(new FormData(event.currentTarget).get("auditDays")) });
      setSaved(true);
    } catch (cause) {
      showFailure(cause, t("notSaved"));
    }
  }

  return (
    <form className={ui.stack} onSubmit={submit} noValidate>
      <TextField name="auditDays" label={t("auditDays")} hint={t("auditDaysHint")} type="number" min={30} max={3650} defaultValue={days} error={fieldErrors.auditDays} />
      <FormAlert message={error} />
      {saved ? (
        <p className={ui.success} role="status">
          {t("saved")}
        </p>
      ) : null}
      <div>
        <button type="submit" className={ui.button}>
          {t("save")}
        </button>
      </div>
    </form>
  );
}
