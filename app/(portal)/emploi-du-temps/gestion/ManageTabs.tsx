"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import ui from "@/app/components/ui.module.css";

export type ManageTab = "lessons" | "events" | "import" | "weeks";

const HREF: Record<ManageTab, string> = {
  lessons: "/emploi-du-temps/gestion",
  events: "/emploi-du-temps/gestion/evenements",
  import: "/emploi-du-temps/gestion/import",
  weeks: "/emploi-du-temps/gestion/semaines",
};

/** The parts of the timetable's management the person may use. */
export function ManageTabs({ tabs }: { tabs: ManageTab[] }) {
  const t = useTranslations("timetable.manage.tabs");
  const pathname = usePathname();
  return (
    <nav aria-label={t("label")}>
      <ul className={ui.tabs}>
        {tabs.map((tab) => (
          <li key={tab}>
            <Link href={HREF[tab]} className={ui.tab} aria-current={pathname === HREF[tab] ? "page" : undefined}>
              {t(tab)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
