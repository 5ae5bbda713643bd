"use client";

import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";

type Fields = Partial<Record<"login" | "code" | "password" | "confirm" | "acceptCharter", string>>;

/** Première connexion: identifiant + activation code, a new password, and the charter accepted. */
export function ActivationForm({ initialLogin }: { initialLogin: string }) {
  const t = useTranslations();
  const router = useRouter();
  const trpc = useTRPC();
  const activate = useMutation(trpc.account.activate.mutationOptions());
  const [fieldErrors, setFieldErrors] = useState<Fields>({});
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      login: String(form.get("login")),
      code: String(form.get("code")),
      password: String(form.get("password")),
      acceptCharter: form.get("acceptCharter") === "on",
    };
    setError(null);
    if (input.password !== form.get("confirm")) {
      setFieldErrors({ confirm: t("password.mismatch") });
      return;
    }
    setFieldErrors({});
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
      const data = cause instanceof TRPCClientError ? (cause.data as { fieldErrors?: Fields } | undefined) : undefined;
      if (data?.fieldErrors) setFieldErrors(data.fieldErrors);
      else setError(cause instanceof Error ? cause.message : t("errors.internal"));
    }
  }

  const describedBy = (name: keyof Fields, hint?: string) =>
    [hint, fieldErrors[name] ? `${name}-error` : undefined].filter(Boolean).join(" ") || undefined;
  const fieldError = (name: keyof Fields) =>
    fieldErrors[name] ? (
      <p className={ui.fieldError} id={`${name}-error`}>
        {fieldErrors[name]}
      </p>
    ) : null;

  return (
    <form className={ui.stack} onSubmit={submit} noValidate>
      {error ? (
        <p className={ui.alert} role="alert">
          {error}
        </p>
      ) : null}
      <div className={ui.field}>
        <label className={ui.label} htmlFor="login">
          {t("activation.login")}
        </label>
        <input
          className={ui.input}
          id="login"
          name="login"
          defaultValue={initialLogin}
          autoComplete="username"
          autoCapitalize="none"
          required
          aria-invalid={Boolean(fieldErrors.login)}
          aria-describedby={describedBy("login")}
        />
        {fieldError("login")}
      </div>
      <div className={ui.field}>
        <label className={ui.label} htmlFor="code">
          {t("activation.code")}
        </label>
        <input
          className={ui.input}
          id="code"
          name="code"
          autoComplete="one-time-code"
          autoCapitalize="characters"
          required
          aria-invalid={Boolean(fieldErrors.code)}
          aria-describedby={describedBy("code")}
        />
        {fieldError("code")}
      </div>
      <div className={ui.field}>
        <label className={ui.label} htmlFor="password">
          {t("activation.password")}
        </label>
        <input
          className={ui.input}
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={Boolean(fieldErrors.password)}
          aria-describedby={describedBy("password", "password-hint")}
        />
        <p className={ui.hint} id="password-hint">
          {t("activation.passwordHint")}
        </p>
        {fieldError("password")}
      </div>
      <div className={ui.field}>
        <label className={ui.label} htmlFor="confirm">
          {t("activation.confirm")}
        </label>
        <input
          className={ui.input}
          id="confirm"
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={Boolean(fieldErrors.confirm)}
          aria-describedby={describedBy("confirm")}
        />
        {fieldError("confirm")}
      </div>
      <div className={ui.field}>
        <label className={ui.checkbox}>
          <input
            type="checkbox"
            name="acceptCharter"
            aria-invalid={Boolean(fieldErrors.acceptCharter)}
            aria-describedby={describedBy("acceptCharter")}
          />
          <span>
            {t("activation.charter")}{" "}
            <Link href="/charte" target="_blank">
              {t("activation.charterLink")}
            </Link>
          </span>
        </label>
        {fieldError("acceptCharter")}
      </div>
      <button className={ui.button} type="submit" disabled={activate.isPending}>
        {activate.isPending ? t("activation.submitting") : t("activation.submit")}
      </button>
    </form>
  );
}
