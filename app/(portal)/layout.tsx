import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Brand, SkipLink } from "@/app/components/Brand";
import { LanguageSwitcher } from "@/app/components/LanguageSwitcher";
import { NAV_MODULES } from "@/server/modules/modules";
import { disabledModulesOf } from "@/server/modules/settings";
import { ATTENDANCE_ROLES, DAY_CHANGE_ROLES, GRADE_READER_ROLES, LOGBOOK_READER_ROLES } from "@/server/policy/roles";
import { hasRole } from "@/server/policy/scope";
import { serverCaller, whoAmI } from "@/server/trpc/request-context";
import { EstablishmentSwitcher } from "./EstablishmentSwitcher";
import { LiveEvents } from "./LiveEvents";
import { LogoutButton } from "./LogoutButton";
import { NotificationBell } from "./NotificationBell";
import type { NavLink } from "./nav-links";
import { PortalNav } from "./PortalNav";
import styles from "./portal.module.css";

const GRADES_USERS = ["student", "guardian", "teacher", ...GRADE_READER_ROLES] as const;
const LOGBOOK_USERS = ["teacher", ...LOGBOOK_READER_ROLES] as const;
const CARNET_USERS = ["guardian", "teacher", "direction", "cpe"] as const;

/** Every signed-in page: who is here, in which establishment, and the way to each service. */
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const { ctx, api } = await serverCaller();
  if (!ctx.actor) redirect("/connexion?expired=1");
  const scope = ctx.actor.scope;
  // what the header needs, asked all at once
  const [me, t, disabled, unreadNotifications] = await Promise.all([
    whoAmI(),
    getTranslations(),
    scope ? disabledModulesOf(ctx.db, scope.establishmentId, ctx.bus) : new Set(),
    api.notifications.unreadCount(),
  ]);
  const active = me.establishments.find((e) => e.id === me.activeEstablishmentId);
  const links: NavLink[] = [
    { href: "/accueil", key: "home" },
    { href: "/annuaire", key: "directory" },
    ...(scope ? [{ href: "/emploi-du-temps", key: "timetable" } as const] : []),
    ...(scope && hasRole(scope, ...GRADES_USERS)
      ? ([
          { href: "/notes", key: "grades" },
          { href: "/bulletins", key: "reportCards" },
        ] as const)
      : []),
    ...(scope && hasRole(scope, "student", "guardian") ? [{ href: "/travail", key: "homework" } as const] : []),
    ...(scope && hasRole(scope, ...LOGBOOK_USERS) ? [{ href: "/cahier-de-textes", key: "logbook" } as const] : []),
    ...(scope && hasRole(scope, "teacher") ? [{ href: "/appel", key: "rollCall" } as const] : []),
    ...(scope && hasRole(scope, ...ATTENDANCE_ROLES) ? [{ href: "/vie-scolaire", key: "schoolLife" } as const] : []),
    ...(scope && hasRole(scope, "student", "guardian") ? [{ href: "/absences", key: "absences" } as const] : []),
    ...(scope && hasRole(scope, "student", "teacher", ...DAY_CHANGE_ROLES) ? [{ href: "/classes-virtuelles", key: "virtualClasses" } as const] : []),
    ...(scope && hasRole(scope, "teacher", "guardian") ? [{ href: "/rendez-vous", key: "meetings" } as const] : []),
    ...(scope ? [{ href: "/espaces", key: "spaces" } as const] : []),
    ...(scope && hasRole(scope, "student", "teacher") ? [{ href: "/devoirs", key: "handIns" } as const] : []),
    ...(scope ? [{ href: "/messagerie", key: "messaging" } as const, { href: "/actualites", key: "news" } as const] : []),
    ...(scope && hasRole(scope, ...CARNET_USERS) ? [{ href: "/carnet", key: "carnet" } as const] : []),
    ...(scope && hasRole(scope, "admin") ? [{ href: "/administration", key: "administration" } as const] : []),
    ...(scope ? [{ href: "/mes-donnees", key: "privacy" } as const] : []),
    { href: "/compte", key: "account" },
  ];
  // the links of the services the establishment switched off are hidden (their procedures are refused too)
  const shown = links.filter((link) => !disabled.has(NAV_MODULES[link.key]));
  const unreadMessages = shown.some((link) => link.key === "messaging") ? await api.messaging.unreadCount() : null;
  return (
    <LiveEvents>
      <div className={styles.shell}>
        <SkipLink />
        <header className={styles.header}>
          <div className={styles.headerRow}>
            <Brand onBrandColour />
            <div className={styles.tools}>
              <EstablishmentSwitcher
                establishments={me.establishments.map(({ id, name }) => ({ id, name }))}
                activeId={me.activeEstablishmentId}
              />
              <NotificationBell initialCount={unreadNotifications} />
              <LanguageSwitcher signedIn />
              <LogoutButton />
            </div>
          </div>
          <p className={styles.who}>
            <span className={styles.name}>
              {me.person.firstName} {me.person.lastName}
            </span>
            {active ? (
              <span className={styles.where}>
                {active.name} · {active.roles.map((role) => t(`roles.${role}`)).join(", ")}
              </span>
            ) : null}
          </p>
        </header>
        <div className={styles.body}>
          <PortalNav links={shown} unreadMessages={unreadMessages} />
          <main id="main" className={styles.main}>
            {children}
          </main>
        </div>
      </div>
    </LiveEvents>
  );
}
