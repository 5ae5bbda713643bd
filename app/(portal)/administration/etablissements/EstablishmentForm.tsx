"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { FormAlert, useFormErrors } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import { type EstablishmentField, EstablishmentFields, establishmentDetailsOf } from "./EstablishmentFields";

/** A new establishment: its UAI, name, kind and city; the super-administrator becomes its first administrator. */
export function EstablishmentForm() {
  const t = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.admin.createEstablishment.mutationOptions());
  const { fieldErrors, error, reset, showFailure } = useFormErrors<EstablishmentField>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset();
    try {
      await create.mutateAsync(establishmentDetailsOf(event.currentTarget));
      router.refresh();
    } catch (cause) {
      showFailure(cause, t("admin.account.notSaved"));
    }
  }

  return (
    <form className={ui.stack} onSubmit={submit} noValidate>
      <EstablishmentFields errors={fieldErrors} />
      <FormAlert message={error} />
      <div>
        <button type="submit" className={ui.button} disabled={create.isPending}>
          {t("admin.establishments.create")}
        </button>
      </div>
    </form>
  );
}
