import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import ui from "@/app/components/ui.module.css";
import { hasRole } from "@/server/policy/scope";
import { serverCaller } from "@/server/trpc/request-context";
import { HOST_ROLES } from "@/server/virtual-classes/targets";
import { guarded } from "../../guarded";
import styles from "../spaces.module.css";
import { SpaceTabs, type Tab } from "./SpaceTabs";

const MEMBER_TABS: Tab[] = ["stream", "documents", "blog", "files", "assignments", "members"];
/** Families read a class space's stream, blog and files, as far as they are published for them. */
const FAMILY_TABS: Tab[] = ["stream", "blog", "files"];

/**
 * A space: its name, what the person is in it, and its tabs (fil, documents, blog, fichiers, devoirs, membres, and
 * réglages for those who may rename, archive or restore it). An archived space says it is read-only. A team space's
 * teachers and staff who write in it may schedule a virtual class for its members from here.
 */
export default async function SpaceLayout({ children, params }: { children: ReactNode; params: Promise<{ spaceId: string }> }) {
  const { spaceId } = await params;
  const { ctx, api } = await serverCaller();
  const t = await getTranslations("spaces");
  const space = await guarded(() => api.spaces.get({ spaceId }));
  const scope = ctx.actor?.scope;
  const schedules =
    space.kind === "team" && !space.archived && (space.role === "owner" || space.role === "contributor") && !!scope && hasRole(scope, ...HOST_ROLES);
  return (
    <div className={ui.stack}>
      <p>
        <Link href="/espaces">{t("back")}</Link>
      </p>
      <div className={styles.header}>
        <h1>{space.name}</h1>
        <span className={ui.chip}>
          {t(`kinds.${space.kind}`)} · {t(`roles.${space.role}`)}
          {space.archived ? ` · ${t("list.archived")}` : ""}
        </span>
      </div>
      {space.description ? <p className={ui.muted}>{space.description}</p> : null}
      {space.archived ? <p className={ui.card}>{t("settings.archivedNotice")}</p> : null}
      {schedules ? (
        <p>
          <Link href={`/classes-virtuelles?pour=space:${spaceId}#schedule-title`}>{t("scheduleVirtualClass")}</Link>
        </p>
      ) : null}
      <SpaceTabs
        spaceId={spaceId}
        tabs={space.role === "family" ? FAMILY_TABS : space.editable || space.restorable ? [...MEMBER_TABS, "settings"] : MEMBER_TABS}
      />
      {children}
    </div>
  );
}
