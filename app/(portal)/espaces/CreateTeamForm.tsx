"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { TextField } from "@/app/components/TextField";
import { FormAlert, useFormErrors } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";

/** A teacher or staff member makes a team space (a discipline team, a project, a club) and becomes its owner. */
export function CreateTeamForm() {
  const t = useTranslations("spaces.createTeam");
  const tAll = useTranslations();
  const router = useRouter();
  const trpc = useTRPC();
  const create = useMutation(trpc.spaces.createTeam.mutationOptions());
  const { fieldErrors, error, reset, showFailure } = useFormErrors<"name" | "description">();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset();
    const form = new FormData(event.currentTarget);
    try {
      const { id } = await create.mutateAsync({ name: String(form.get("name") ?? ""), description: String(form.get("description") ?? "") });
      router.push(`/espaces/${id}/membres`);
    } catch (cause) {
      showFailure(cause, tAll("errors.internal"));
    }
  }

  return (
    <form className={`${ui.card} ${ui.stack}`} onSubmit={submit} noValidate>
      <h2>{t("title")}</h2>
      <FormAlert message={error} />
      <TextField name="name" label={t("name")} required maxLength={120} error={fieldErrors.name} />
      <TextField name="description" label={t("description")} maxLength={500} error={fieldErrors.description} />
      <div>
        <button className={ui.button} type="submit" disabled={create.isPending}>
          {t("submit")}
        </button>
      </div>
    </form>
  );
}
