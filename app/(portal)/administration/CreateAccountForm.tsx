"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { TextField } from "@/app/components/TextField";
import { FormAlert, useFormErrors } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import { RoleChoices, rolesOf } from "./RoleChoices";

type Field = "firstName" | "lastName" | "email" | "phone" | "roles";

/** A new account by hand (a newcomer during the year): it waits for its activation letter like an imported one. */
export function CreateAccountForm() {
  const t = useTranslations("admin.accounts");
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.admin.createAccount.mutationOptions());
  const { fieldErrors, error, reset, showFailure } = useFormErrors<Field>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    try {
      const person = await create.mutateAsync({
        firstName: text("firstName"),
        lastName: text("lastName"),
        email: text("email") || null,
        phone: text("phone") || null,
        roles: rolesOf(form),
      });
      router.push(`/administration/comptes/${person.id}`);
    } catch (cause) {
      showFailure(cause, t("notSaved"));
    }
  }

  return (
    <form className={ui.stack} onSubmit={submit} noValidate>
      <TextField name="firstName" label={t("firstName")} error={fieldErrors.firstName} required autoComplete="off" />
      <TextField name="lastName" label={t("lastName")} error={fieldErrors.lastName} required autoComplete="off" />
      <TextField name="email" label={t("email")} type="email" error={fieldErrors.email} autoComplete="off" />
      <TextField name="phone" label={t("phone")} type="tel" error={fieldErrors.phone} autoComplete="off" />
      <RoleChoices selected={[]} error={fieldErrors.roles} />
      <FormAlert message={error} />
      <div>
        <button type="submit" className={ui.button} disabled={create.isPending}>
          {t("create")}
        </button>
      </div>
    </form>
  );
}
