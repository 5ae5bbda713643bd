"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import { FormAlert, useFormErrors } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import { type EstablishmentDetails, type EstablishmentField, EstablishmentFields, establishmentDetailsOf } from "./EstablishmentFields";

/** Corrects an establishment's details (a misspelt name, a mistyped UAI, the wrong kind), checked as at its creation. */
export function EditEstablishmentForm({ establishment }: { establishment: EstablishmentDetails & { id: string } }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const idPrefix = useId();
  const update = useMutation(trpc.admin.updateEstablishment.mutationOptions());
  const { fieldErrors, error, reset, showFailure } = useFormErrors<EstablishmentField>();
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset();
    setSaved(false);
    try {
      await update.mutateAsync({ establishmentId: establishment.id, ...establishmentDetailsOf(event.currentTarget) });
      setSaved(true);
      router.refresh();
    } catch (cause) {
      showFailure(cause, t("admin.account.notSaved"));
    }
  }

  return (
    <form className={ui.stack} onSubmit={submit} noValidate aria-label={t("admin.establishments.editLabel", { name: establishment.name })}>
      <EstablishmentFields idPrefix={idPrefix} details={establishment} errors={fieldErrors} />
      <FormAlert message={error} />
      {saved ? (
        <p className={ui.success} role="status">
          {t("admin.establishments.saved")}
        </p>
      ) : null}
      <div>
        <button type="submit" className={ui.button} disabled={update.isPending}>
          {t("admin.establishments.save")}
        </button>
      </div>
    </form>
  );
}
