"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { TextField } from "@/app/components/TextField";
import { FormAlert, useFormErrors } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";

/** A teacher of the class makes a group-work team of some of its pupils. */
export function CreateGroupWorkForm({ spaceId, pupils }: { spaceId: string; pupils: { id: string; firstName: string; lastName: string }[] }) {
  const t = useTranslations("spaces.groupWork");
  const tAll = useTranslations();
  const router = useRouter();
  const trpc = useTRPC();
  const create = useMutation(trpc.spaces.createGroupWork.mutationOptions());
  const { fieldErrors, error, reset, showFailure } = useFormErrors<"name" | "pupilIds">();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset();
    const form = new FormData(event.currentTarget);
    try {
      const { id } = await create.mutateAsync({
        spaceId,
        name: String(form.get("name") ?? ""),
        pupilIds: form.getAll("pupil").map(String),
      });
      router.push(`/espaces/${id}`);
    } catch (cause) {
      showFailure(cause, tAll("errors.internal"));
    }
  }

  return (
    <form className={`${ui.card} ${ui.stack}`} onSubmit={submit} noValidate>
      <h3>{t("title")}</h3>
      <FormAlert message={error} />
      <TextField name="name" label={t("name")} required maxLength={120} error={fieldErrors.name} />
      <fieldset className={ui.stack}>
        <legend className={ui.label}>{t("pupils")}</legend>
        {pupils.map((pupil) => (
          <label key={pupil.id} className={ui.checkbox}>
            <input type="checkbox" name="pupil" value={pupil.id} /> {pupil.firstName} {pupil.lastName}
          </label>
        ))}
      </fieldset>
      <div>
        <button className={ui.button} type="submit" disabled={create.isPending}>
          {t("submit")}
        </button>
      </div>
    </form>
  );
}
