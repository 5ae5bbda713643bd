import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { addDays, isoDate, mondayOf } from "@/server/calendar/days";
import { DAY_CHANGE_ROLES, TIMETABLE_EDITOR_ROLES } from "@/server/policy/roles";
import { hasRole } from "@/server/policy/scope";
import { serverCaller } from "@/server/trpc/request-context";
import { guarded } from "../../guarded";
import { OwnerPicker } from "../OwnerPicker";
import styles from "../timetable.module.css";
import { WeekView } from "../WeekView";
import { LessonsTable } from "./LessonsTable";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("timetable"))("manage.title") };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

type Search = Promise<{ classe?: string; groupe?: string; semaine?: string }>;

/** A class's or group's weekly lessons (direction), and its week, where each lesson opens the day's change form. */
export default async function ManageLessonsPage({ searchParams }: { searchParams: Search }) {
  const { ctx, api } = await serverCaller();
  const t = await getTranslations("timetable");
  const format = await getFormatter();
  const scope = ctx.actor!.scope!;
  const search = await searchParams;
  const refs = await guarded(() => api.timetable.references());
  const groupId = search.groupe && UUID.test(search.groupe) ? search.groupe : null;
  const classId = groupId ? null : search.classe && UUID.test(search.classe) ? search.classe : (refs.classes[0]?.id ?? null);
  const audience = groupId ? { param: "groupe", id: groupId } : classId ? { param: "classe", id: classId } : null;
  if (!audience) return <p className={ui.card}>{t("manage.noClasses")}</p>;

  const today = isoDate(new Date());
  const monday = mondayOf(search.semaine && ISO_DAY.test(search.semaine) ? search.semaine : today);
  const edits = hasRole(scope, ...TIMETABLE_EDITOR_ROLES);
  const [lessons, week] = await Promise.all([
    edits ? guarded(() => api.timetable.lessons(groupId ? { groupId } : { classId: classId! })) : null,
    guarded(() => (groupId ? api.timetable.groupWeek({ groupId, week: monday }) : api.timetable.classWeek({ classId: classId!, week: monday }))),
  ]);
  const href = (param: string, id: string, week?: string) => `/emploi-du-temps/gestion?${param}=${id}${week ? `&semaine=${week}` : ""}`;
  const name = groupId ? refs.groups.find((g) => g.id === groupId)?.name : refs.classes.find((c) => c.id === classId)?.name;

  return (
    <>
      <OwnerPicker
        label={t("manage.audience")}
        current={href(audience.param, audience.id)}
        groups={[
          { label: t("owner.classes"), options: refs.classes.map((c) => ({ href: href("classe", c.id), label: c.name })) },
          { label: t("owner.groups"), options: refs.groups.map((g) => ({ href: href("groupe", g.id), label: g.name })) },
        ]}
      />
      {lessons ? (
        <section className={`${ui.card} ${ui.stack}`} aria-labelledby="weekly-lessons">
          <h2 id="weekly-lessons">{t("manage.weeklyLessons", { name: name ?? "" })}</h2>
          <LessonsTable lessons={lessons} refs={refs} audience={groupId ? { groupId } : { classId: classId! }} />
        </section>
      ) : null}
      <section className={ui.stack} aria-labelledby="week-lessons">
        <div className={styles.toolbar}>
          <h2 id="week-lessons">
            {t("manage.weekOf", {
              name: name ?? "",
              date: format.dateTime(new Date(`${monday}T12:00:00Z`), { day: "numeric", month: "long", timeZone: "UTC" }),
            })}
            {week.label ? ` · ${t("weekLabel", { label: week.label })}` : ""}
          </h2>
          <nav aria-label={t("weekNavigation")}>
            <ul className={styles.weekNav}>
              <li>
                <Link className={`${ui.button} ${ui.secondary}`} href={href(audience.param, audience.id, addDays(monday, -7))}>
                  <span aria-hidden="true">←</span> {t("previousWeek")}
                </Link>
              </li>
              <li>
                <Link className={`${ui.button} ${ui.secondary}`} href={href(audience.param, audience.id)}>
                  {t("thisWeek")}
                </Link>
              </li>
              <li>
                <Link className={`${ui.button} ${ui.secondary}`} href={href(audience.param, audience.id, addDays(monday, 7))}>
                  {t("nextWeek")} <span aria-hidden="true">→</span>
                </Link>
              </li>
            </ul>
          </nav>
        </div>
        {hasRole(scope, ...DAY_CHANGE_ROLES) ? <p className={ui.hint}>{t("manage.changeHint")}</p> : null}
        <WeekView week={week} mode={hasRole(scope, ...DAY_CHANGE_ROLES) ? { kind: "change" } : { kind: "read" }} today={today} />
      </section>
    </>
  );
}
