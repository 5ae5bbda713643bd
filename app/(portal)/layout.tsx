import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Brand, SkipLink } from "@/app/components/Brand";
import { LanguageSwitcher } from "@/app/components/LanguageSwitcher";
import { ATTENDANCE_ROLES, GRADE_READER_ROLES, LOGBOOK_READER_ROLES } from "@/server/policy/roles";
import { hasRole } from "@/server/policy/scope";
import { serverCaller } from "@/server/trpc/request-context";
import { EstablishmentSwitcher } from "./EstablishmentSwitcher";
import { LogoutButton } from "./LogoutButton";
import { type NavLink, PortalNav } from "./PortalNav";
import styles from "./portal.module.css";

const GRADES_USERS = ["student", "guardian", "teacher", ...GRADE_READER_ROLES] as const;
const LOGBOOK_USERS = ["teacher", ...LOGBOOK_READER_ROLES] as const;

/** Every signed-in page: who is here, in which establishment, and the way to each service. */
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const { ctx, api } = await serverCaller();
  if (!ctx.actor) redirect("/connexion?expired=1");
  const me = await api.me.whoAmI();
  const t = await getTranslations();
  const active = me.establishments.find((e) => e.id === me.activeEstablishmentId);
  const scope = ctx.actor.scope;
  const links: NavLink[] = [
    { href: "/accueil", key: "home" },
    { href: "/annuaire", key: "directory" },
    ...(scope ? [{ href: "/emploi-du-temps", key: "timetable" } as const] : []),
    ...(scope && hasRole(scope, ...GRADES_USERS) ? [{ href: "/notes", key: "grades" } as const] : []),
    ...(scope && hasRole(scope, "student", "guardian") ? [{ href: "/travail", key: "homework" } as const] : []),
    ...(scope && hasRole(scope, ...LOGBOOK_USERS) ? [{ href: "/cahier-de-textes", key: "logbook" } as const] : []),
    ...(scope && hasRole(scope, "teacher") ? [{ href: "/appel", key: "rollCall" } as const] : []),
    ...(scope && hasRole(scope, ...ATTENDANCE_ROLES) ? [{ href: "/vie-scolaire", key: "schoolLife" } as const] : []),
    ...(scope && hasRole(scope, "student", "guardian") ? [{ href: "/absences", key: "absences" } as const] : []),
    { href: "/compte", key: "account" },
  ];
  return (
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
            <LanguageSwitcher signedIn />
            <LogoutButton />
          </div>
        </div>
        <div className={styles.headerRow}>
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
          <PortalNav links={links} />
        </div>
      </header>
      <main id="main" className={styles.main}>
        {children}
      </main>
    </div>
  );
}
