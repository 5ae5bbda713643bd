"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import styles from "./portal.module.css";

export interface NavLink {
  href: string;
  key:
    | "home"
    | "directory"
    | "timetable"
    | "grades"
    | "reportCards"
    | "homework"
    | "logbook"
    | "rollCall"
    | "schoolLife"
    | "absences"
    | "virtualClasses"
    | "meetings"
    | "spaces"
    | "handIns"
    | "messaging"
    | "news"
    | "carnet"
    | "administration"
    | "privacy"
    | "account";
}

/** The services of the person's profiles in the active establishment, chosen by the layout. */
export function PortalNav({ links }: { links: NavLink[] }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  return (
    <nav aria-label={t("label")} className={styles.navBox}>
      <ul className={styles.nav}>
        {links.map(({ href, key }) => {
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
