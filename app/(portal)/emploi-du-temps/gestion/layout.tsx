import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import Link from "next/link";
import ui from "@/app/components/ui.module.css";
import { DAY_CHANGE_ROLES, TIMETABLE_EDITOR_ROLES } from "@/server/policy/roles";
import { hasRole } from "@/server/policy/scope";
import { serverCaller } from "@/server/trpc/request-context";
import { type ManageTab, ManageTabs } from "./ManageTabs";

/**
 * Managing the timetable: the direction builds the weekly lessons, imports them and sets the weeks A and B; vie
 * scolaire and the direction change a day's lessons and schedule events. The procedures check the same; this only keeps others off the pages.
 */
export default async function ManageLayout({ children }: { children: ReactNode }) {
  const { ctx } = await serverCaller();
  const scope = ctx.actor?.scope;
  const edits = scope ? hasRole(scope, ...TIMETABLE_EDITOR_ROLES) : false;
  const changes = scope ? hasRole(scope, ...DAY_CHANGE_ROLES) : false;
  if (!edits && !changes) forbidden();
  const t = await getTranslations("timetable");
  const tabs: ManageTab[] = ["lessons", ...(changes ? (["events"] as const) : []), ...(edits ? (["import", "weeks"] as const) : [])];
  return (
    <div className={ui.stack}>
      <p>
        <Link href="/emploi-du-temps">{t("manage.back")}</Link>
      </p>
      <h1>{t("manage.title")}</h1>
      <ManageTabs tabs={tabs} />
      {children}
    </div>
  );
}
