"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useEffect, useState } from "react";
import { TextField } from "@/app/components/TextField";
import { FormAlert } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { LOCALE_COOKIE } from "@/app/i18n/locales";
import { useTRPC } from "@/app/trpc/client";

/** The reasons the server gives (see server/auth/login.ts), as catalogue keys. */
function errorMessage(t: ReturnType<typeof useTranslations<"login">>, error: string): string {
  const [reason, seconds] = error.split(":");
  switch (reason) {
    case "invalid":
    case "disabled":
    case "activationRequired":
      return t(`errors.${reason}`);
    case "throttled":
      return t("errors.throttled", { seconds: Number(seconds) || 60 });
    default:
      return t("errors.unknown");
  }
}

export function LoginForm() {
  const t = useTranslations("login");
  const router = useRouter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [login, setLogin] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    const fill = (event: Event) => setLogin((event as CustomEvent<string>).detail);
    window.addEventListener("preau:demo-login", fill);
    return () => window.removeEventListener("preau:demo-login", fill);
  }, []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      redirect: false,
      login: String(form.get("login")),
      password: String(form.get("password")),
    });
    if (!result?.ok) {
      setPending(false);
      setError(errorMessage(t, result?.error ?? ""));
      return;
    }
    const me = await queryClient.fetchQuery(trpc.me.whoAmI.queryOptions()).catch(() => null);
    if (me?.person && !document.cookie.includes(`${LOCALE_COOKIE}=`)) {
      document.cookie = `${LOCALE_COOKIE}=${me.person.preferredLanguage}; path=/; max-age=31536000; samesite=lax`;
    }
    router.replace("/accueil");
    router.refresh();
  }

  return (
    <form className={ui.stack} onSubmit={submit} noValidate>
      <FormAlert message={error} />
      <TextField
        name="login"
        label={t("login")}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        value={login}
        onChange={(event) => setLogin(event.target.value)}
      />
      <TextField name="password" type="password" label={t("password")} autoComplete="current-password" required />
      <button className={ui.button} type="submit" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </button>
      <p>
        <Link href="/activation">{t("firstLogin")}</Link>
      </p>
    </form>
  );
}
