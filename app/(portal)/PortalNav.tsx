"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import styles from "./portal.module.css";

const LINKS = [
  { href: "/accueil", key: "home" },
  { href: "/annuaire", key: "directory" },
  { href: "/compte", key: "account" },
] as const;

export function PortalNav() {
  const t = useTranslations("nav");
  const pathname = usePathname();
  return (
    <nav aria-label={t("label")}>
      <ul className={styles.nav}>
        {LINKS.map(({ href, key }) => {
          const current = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={href}>
              <Link href={href} className={styles.navLink} aria-current={current ? "page" : undefined}>
                {t(key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
