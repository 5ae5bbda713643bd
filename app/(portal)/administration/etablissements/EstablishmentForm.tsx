"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { TextField } from "@/app/components/TextField";
import { FormAlert, useFormErrors } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";

type Field = "uai" | "name" | "kind" | "city";

/** A new establishment: its UAI, name, kind and city; the super-administrator becomes its first administrator. */
export function EstablishmentForm() {
  const t = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.admin.createEstablishment.mutationOptions());
  const { fieldErrors, error, reset, showFailure } = useFormErrors<Field>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    try {
      await create.mutateAsync({ uai: text("uai"), name: text("name"), kind: text("kind") as "college", city: text("city") || null });
      router.refresh();
    } catch (cause) {
      showFailure(cause, t("admin.account.notSaved"));
    }
  }

  return (
    <form className={ui.stack} onSubmit={submit} noValidate>
      <TextField name="uai" label={t("admin.establishments.uai")} hint={t("admin.establishments.uaiHint")} error={fieldErrors.uai} />
      <TextField name="name" label={t("admin.establishments.name")} error={fieldErrors.name} />
      <div className={ui.field}>
        <label className={ui.label} htmlFor="kind">
          {t("admin.establishments.kind")}
        </label>
        <select className={ui.input} id="kind" name="kind" defaultValue="college">
          {(["ecole", "college", "lycee"] as const).map((kind) => (
            <option key={kind} value={kind}>
              {t(`establishmentKinds.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      <TextField name="city" label={t("admin.establishments.city")} error={fieldErrors.city} />
      <FormAlert message={error} />
      <div>
        <button type="submit" className={ui.button} disabled={create.isPending}>
          {t("admin.establishments.create")}
        </button>
      </div>
    </form>
  );
}
