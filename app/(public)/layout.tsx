import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Brand, SkipLink } from "@/app/components/Brand";
import { LanguageSwitcher } from "@/app/components/LanguageSwitcher";
import styles from "./public.module.css";

/** Pages for people who are not signed in: sign in, activation, charter. */
export default async function PublicLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations("app");
  return (
    <div className={styles.page}>
      <SkipLink />
      <header className={styles.header}>
        <Brand />
        <LanguageSwitcher />
      </header>
      <main id="main" className={styles.main}>
        <p className={styles.tagline}>{t("tagline")}</p>
        {children}
      </main>
    </div>
  );
}
