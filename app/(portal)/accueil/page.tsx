import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { SCHOOL_RECORD_ROLES } from "@/server/policy/roles";
import { hasRole } from "@/server/policy/scope";
import { serverCaller, whoAmI } from "@/server/trpc/request-context";
import styles from "../portal.module.css";
import { ChildSwitcher, selectedChild } from "../ChildSwitcher";
import { EstablishmentOverview } from "./EstablishmentOverview";
import { AbsencesToJustify } from "./AbsencesToJustify";
import { CarnetWaiting } from "./CarnetWaiting";
import { HomeworkDue } from "./HomeworkDue";
import { LatestMarks } from "./LatestMarks";
import { NextLessons } from "./NextLessons";
import { RollCallsToTake } from "./RollCallsToTake";
import { SchoolYearCard } from "./SchoolYearCard";
import { TeachingCard } from "./TeachingCard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("home"))("title") };
}

/** The bureau virtuel: each profile lands here and finds what concerns them. Later services add their widgets. */
export default async function HomePage({ searchParams }: { searchParams: Promise<{ enfant?: string }> }) {
  const { ctx, api } = await serverCaller();
  const t = await getTranslations();
  const me = await whoAmI();
  const scope = ctx.actor?.scope;
  if (!scope) {
    return (
      <section className={ui.card}>
        <h1>{t("home.greeting", { firstName: me.person.firstName })}</h1>
        <p>{t("errors.noEstablishment")}</p>
      </section>
    );
  }
  const [classes, children] = await Promise.all([api.me.classes(), api.me.children()]);
  const { enfant } = await searchParams;
  const child = selectedChild(children, enfant);
  const childCard = child ? await api.directory.studentCard({ studentId: child.id }) : null;

  return (
    <div className={ui.stack}>
      <h1>{t("home.greeting", { firstName: me.person.firstName })}</h1>
      <div className={styles.grid}>
        <SchoolYearCard schoolYear={me.schoolYear} roles={[...scope.roles]} />

        {scope.roles.has("student") ? (
          <section className={ui.card} aria-labelledby="my-class">
            <h2 id="my-class">{t("home.yourClass")}</h2>
            {classes.attendedClasses.map((c) => (
              <p key={c.id} className={styles.figure}>
                {c.name}
              </p>
            ))}
            {classes.attendedGroups.length ? (
              <>
                <h3>{t("home.yourGroups")}</h3>
                <ul className={ui.chips}>
                  {classes.attendedGroups.map((g) => (
                    <li key={g.id} className={ui.chip}>
                      {g.name}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
        ) : null}

        {scope.roles.has("guardian") ? (
          <section className={ui.card} aria-labelledby="my-children">
            <h2 id="my-children">{t("home.yourChildren")}</h2>
            {children.length ? (
              <ChildSwitcher
                items={children.map((c) => ({ id: c.id, firstName: c.firstName, className: c.className }))}
                selectedId={child?.id}
                basePath="/accueil"
              />
            ) : (
              <p>{t("home.noChildren")}</p>
            )}
            {childCard ? (
              <div>
                <h3>{t("home.childClass", { name: childCard.firstName })}</h3>
                <p className={styles.figure}>{childCard.class?.name ?? "—"}</p>
                <ul className={ui.chips}>
                  {childCard.groups.map((g) => (
                    <li key={g.id} className={ui.chip}>
                      {g.name}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </section>
        ) : null}

        {scope.roles.has("student") || scope.roles.has("teacher") ? (
          <NextLessons lessons={await api.home.myNextLessons()} timetableHref="/emploi-du-temps" id="next-lessons" />
        ) : null}

        {scope.roles.has("teacher") ? <RollCallsToTake api={api} /> : null}

        {scope.roles.has("student") ? (
          <>
            <HomeworkDue api={api} studentId={scope.personId} homeworkHref="/travail" />
            <LatestMarks api={api} studentId={scope.personId} reportHref="/notes" />
          </>
        ) : null}

        {scope.roles.has("guardian") && children.length ? <AbsencesToJustify api={api} /> : null}
        {scope.roles.has("guardian") ? <CarnetWaiting api={api} /> : null}

        {child ? (
          <>
            <NextLessons
              lessons={await api.home.childNextLessons({ studentId: child.id })}
              timetableHref={`/emploi-du-temps?enfant=${child.id}`}
              id={`next-lessons-${child.id}`}
            />
            <HomeworkDue api={api} studentId={child.id} homeworkHref={`/travail?enfant=${child.id}`} />
            <LatestMarks api={api} studentId={child.id} reportHref={`/notes?enfant=${child.id}`} />
          </>
        ) : null}

        {scope.roles.has("teacher") ? <TeachingCard taught={classes.taught} /> : null}

        {hasRole(scope, ...SCHOOL_RECORD_ROLES) ? <EstablishmentOverview figures={await api.directory.overview()} /> : null}
      </div>
    </div>
  );
}
