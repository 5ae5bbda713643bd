"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { type Locale, LOCALE_COOKIE, LOCALES } from "@/app/i18n/locales";
import { useTRPC } from "@/app/trpc/client";
import styles from "./LanguageSwitcher.module.css";

/** Switches the interface language; a signed-in person's choice is also kept in their account. */
export function LanguageSwitcher({ signedIn = false }: { signedIn?: boolean }) {
  const t = useTranslations("language");
  const locale = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const saveLanguage = useMutation(trpc.me.setLanguage.mutationOptions());

  async function choose(next: Locale) {
    document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
    if (signedIn) await saveLanguage.mutateAsync({ language: next }).catch(() => undefined);
    router.refresh();
  }

  return (
    <label className={styles.switcher}>
      <span className="visually-hidden">{t("label")}</span>
      <select value={locale} onChange={(event) => void choose(event.target.value as Locale)} aria-label={t("label")}>
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {t(code)}
          </option>
        ))}
      </select>
    </label>
  );
}
