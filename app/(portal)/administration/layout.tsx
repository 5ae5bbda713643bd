import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import ui from "@/app/components/ui.module.css";
import { isSuperAdmin } from "@/server/admin/establishments";
import { hasRole } from "@/server/policy/scope";
import { serverCaller } from "@/server/trpc/request-context";
import { type AdminTab, AdminTabs } from "./AdminTabs";

/**
 * The back office of the active establishment, for its administrators (ADML); the installation's super-administrators
 * also see the establishments. The procedures check the same; this only keeps others off the pages.
 */
export default async function AdministrationLayout({ children }: { children: ReactNode }) {
  const { ctx } = await serverCaller();
  const scope = ctx.actor?.scope;
  if (!ctx.actor || !scope || !hasRole(scope, "admin")) forbidden();
  const t = await getTranslations("admin");
  const superAdmin = await isSuperAdmin(ctx.db, ctx.actor.personId);
  const tabs: AdminTab[] = ["accounts", "imports", "letters", "settings", "audit", ...(superAdmin ? (["establishments"] as const) : [])];
  return (
    <div className={ui.stack}>
      <h1>{t("title")}</h1>
      <AdminTabs tabs={tabs} />
      {children}
    </div>
  );
}
