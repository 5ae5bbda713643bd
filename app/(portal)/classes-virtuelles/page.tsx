import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { isoDate } from "@/server/calendar/days";
import { DAY_CHANGE_ROLES } from "@/server/policy/roles";
import { hasRole } from "@/server/policy/scope";
import { serverCaller } from "@/server/trpc/request-context";
import { JoinLink } from "./JoinLink";
import { ScheduledActions } from "./ScheduledActions";
import { ScheduleForm } from "./ScheduleForm";
import { SwitchWeekForm } from "./SwitchWeekForm";
import styles from "./virtual-classes.module.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("virtualClasses"))("title") };
}

/**
 * Classes virtuelles: the person's coming virtual classes with their join buttons; for teachers, scheduling one and
 * moving a class's week online; for vie scolaire and direction, moving any class's week online. Teachers and staff
 * schedule one for their team spaces too (a team space's page leads here with it chosen: `?pour=space:<id>`).
 */
export default async function VirtualClassesPage({ searchParams }: { searchParams: Promise<{ pour?: string }> }) {
  const { ctx, api } = await serverCaller();
  const t = await getTranslations("virtualClasses");
  const scope = ctx.actor?.scope;
  const [{ configured }, upcoming, choices, teams, { pour }] = await Promise.all([
    api.virtualClasses.configured(),
    api.virtualClasses.upcoming(),
    api.timetable.choices(),
    api.virtualClasses.teams(),
    searchParams,
  ]);
  const today = isoDate(new Date());
  const teaches = scope?.roles.has("teacher") ?? false;
  const [classes, groups] = teaches ? [choices.classes, choices.groups] : [[], []];
  const switches = teaches || (scope ? hasRole(scope, ...DAY_CHANGE_ROLES) : false);

  return (
    <div className={ui.stack}>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      {configured ? null : <p className={ui.alert}>{t("notConfigured")}</p>}
      <section className={ui.stack} aria-labelledby="upcoming-title">
        <h2 id="upcoming-title">{t("upcoming.title")}</h2>
        {upcoming.length === 0 ? <p className={ui.card}>{t("upcoming.empty")}</p> : null}
        <ul className={styles.list}>
          {upcoming.map((item) => (
            <li key={item.href} className={`${ui.card} ${styles.item}`}>
              <div>
                <h3>
                  {item.title} · {item.audience}
                </h3>
                <p className={ui.muted}>
                  {t("upcoming.when", { start: item.startsAt, end: item.endsAt })}
                  {item.hosting ? ` · ${t("upcoming.hosting")}` : ""}
                </p>
                <p className={ui.muted}>{t("upcoming.opensAt", { time: item.opensAt })}</p>
              </div>
              <div className={ui.stack}>
                <JoinLink href={item.href} opensAt={item.opensAt.toISOString()} endsAt={item.endsAt.toISOString()} label={t("joinLesson", { subject: item.title })} />
                {item.hosting && item.scheduled?.changeable ? <ScheduledActions scheduled={{ ...item.scheduled, title: item.title }} today={today} /> : null}
              </div>
            </li>
          ))}
        </ul>
      </section>
      {classes.length > 0 || groups.length > 0 || teams.length > 0 ? (
        <ScheduleForm classes={classes} groups={groups} teams={teams} today={today} chosen={pour} />
      ) : null}
      {switches && choices.classes.length > 0 ? <SwitchWeekForm classes={choices.classes} today={today} /> : null}
    </div>
  );
}
