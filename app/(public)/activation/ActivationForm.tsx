"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { TextField } from "@/app/components/TextField";
import { FormAlert, useFormErrors } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";

type Field = "login" | "code" | "password" | "confirm" | "acceptCharter";

/** Première connexion: identifiant + activation code, a new password, and the charter accepted. */
export function ActivationForm({ initialLogin }: { initialLogin: string }) {
  const t = useTranslations();
  const router = useRouter();
  const trpc = useTRPC();
  const activate = useMutation(trpc.account.activate.mutationOptions());
  const { fieldErrors, setFieldErrors, error, setError, reset, showFailure } = useFormErrors<Field>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      login: String(form.get("login")),
      code: String(form.get("code")),
      password: String(form.get("password")),
      acceptCharter: form.get("acceptCharter") === "on",
    };
    reset();
    if (input.password !== form.get("confirm")) {
      setFieldErrors({ confirm: t("password.mismatch") });
      return;
    }
    try {
      const result = await activate.mutateAsync(input as typeof input & { acceptCharter: true });
      if (result.ok) {
        await signIn("credentials", { redirect: false, login: input.login, password: input.password });
        router.replace("/accueil");
        router.refresh();
      } else if (result.reason === "weakPassword") {
        setFieldErrors({ password: t(`password.${result.problem}`, result.limits) });
      } else if (result.reason === "throttled") {
        setError(t("activation.errors.throttled", { seconds: result.retryAfterSeconds }));
      } else {
        setError(t(`activation.errors.${result.reason}`));
      }
    } catch (cause) {
      showFailure(cause, t("errors.internal"));
    }
  }

  return (
    <form className={ui.stack} onSubmit={submit} noValidate>
      <FormAlert message={error} />
      <TextField
        name="login"
        label={t("activation.login")}
        defaultValue={initialLogin}
        autoComplete="username"
        autoCapitalize="none"
        required
        error={fieldErrors.login}
      />
      <TextField
        name="code"
        label={t("activation.code")}
        autoComplete="one-time-code"
        autoCapitalize="characters"
        required
        error={fieldErrors.code}
      />
      <TextField
        name="password"
        type="password"
        label={t("activation.password")}
        hint={t("activation.passwordHint")}
        autoComplete="new-password"
        required
        error={fieldErrors.password}
      />
      <TextField
        name="confirm"
        type="password"
        label={t("activation.confirm")}
        autoComplete="new-password"
        required
        error={fieldErrors.confirm}
      />
      <div className={ui.field}>
        <label className={ui.checkbox}>
          <input
            type="checkbox"
            name="acceptCharter"
            aria-invalid={fieldErrors.acceptCharter ? true : undefined}
            aria-describedby={fieldErrors.acceptCharter ? "acceptCharter-error" : undefined}
          />
          <span>
            {t("activation.charter")}{" "}
            <Link href="/charte" target="_blank">
              {t("activation.charterLink")}
            </Link>
          </span>
        </label>
        {fieldErrors.acceptCharter ? (
          <p className={ui.fieldError} id="acceptCharter-error">
            {fieldErrors.acceptCharter}
          </p>
        ) : null}
      </div>
      <button className={ui.button} type="submit" disabled={activate.isPending}>
        {activate.isPending ? t("activation.submitting") : t("activation.submit")}
      </button>
    </form>
  );
}
