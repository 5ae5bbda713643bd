"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import ui from "@/app/components/ui.module.css";

export type AdminTab = "accounts" | "imports" | "letters" | "settings" | "audit" | "establishments";

const HREF: Record<AdminTab, string> = {
  accounts: "/administration",
  imports: "/administration/import",
  letters: "/administration/lettres",
  settings: "/administration/reglages",
  audit: "/administration/journal",
  establishments: "/administration/etablissements",
};

/** The parts of the back office; accounts is the landing page and holds each person's page. */
export function AdminTabs({ tabs }: { tabs: AdminTab[] }) {
  const t = useTranslations("admin.tabs");
  const pathname = usePathname();
  const current = (tab: AdminTab) =>
    tab === "accounts" ? pathname === HREF.accounts || pathname.startsWith("/administration/comptes") : pathname.startsWith(HREF[tab]);
  return (
    <nav aria-label={t("label")}>
      <ul className={ui.tabs}>
        {tabs.map((tab) => (
          <li key={tab}>
            <Link href={HREF[tab]} className={ui.tab} aria-current={current(tab) ? "page" : undefined}>
              {t(tab)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
