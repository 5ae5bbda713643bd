import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LanguageSwitcher } from "@/app/components/LanguageSwitcher";
import styles from "./public.module.css";

/** Pages for people who are not signed in: sign in, activation, charter. */
export default async function PublicLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations("app");
  return (
    <div className={styles.page}>
      <a className="skip-link" href="#main">
        {t("skipToContent")}
      </a>
      <header className={styles.header}>
        <p className={styles.brand}>
          <span className={styles.logo} aria-hidden="true">
            P
          </span>
          {t("name")}
        </p>
        <LanguageSwitcher />
      </header>
      <main id="main" className={styles.main}>
        <p className={styles.tagline}>{t("tagline")}</p>
        {children}
      </main>
    </div>
  );
}
