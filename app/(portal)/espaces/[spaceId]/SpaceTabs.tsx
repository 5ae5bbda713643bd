"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import ui from "@/app/components/ui.module.css";

export type Tab = "stream" | "documents" | "blog" | "files" | "assignments" | "members" | "settings";

const PATHS: Record<Tab, string> = {
  stream: "",
  documents: "/documents",
  blog: "/blog",
  files: "/fichiers",
  assignments: "/devoirs",
  members: "/membres",
  settings: "/reglages",
};

/** The tabs of a space; the blog's pages are the blog's own. */
export function SpaceTabs({ spaceId, tabs }: { spaceId: string; tabs: Tab[] }) {
  const t = useTranslations("spaces.tabs");
  const pathname = usePathname();
  const base = `/espaces/${spaceId}`;
  return (
    <nav aria-label={t("label")}>
      <ul className={ui.tabs}>
        {tabs.map((tab) => {
          const href = `${base}${PATHS[tab]}`;
          const current = tab === "stream" ? pathname === base : pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={tab}>
              <Link href={href} className={ui.tab} aria-current={current ? "page" : undefined}>
                {t(tab)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
