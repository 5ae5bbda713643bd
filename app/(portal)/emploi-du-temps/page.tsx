import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { addDays, isoDate, mondayOf } from "@/server/calendar/days";
import { DAY_CHANGE_ROLES, TIMETABLE_EDITOR_ROLES } from "@/server/policy/roles";
import { hasRole } from "@/server/policy/scope";
import { serverCaller } from "@/server/trpc/request-context";
import { ChildSwitcher } from "../ChildSwitcher";
import { guarded } from "../guarded";
import { FeedPanel } from "./FeedPanel";
import { type Choices, hrefOf, type Owner, ownerOf, type Search, weekOf } from "./owner";
import { type OwnerOptionGroup, OwnerPicker } from "./OwnerPicker";
import styles from "./timetable.module.css";
import { type WeekMode, WeekView } from "./WeekView";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("timetable"))("title") };
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Emploi du temps: the week of the person, of a child, or of a class, group, teacher or room for who may see them. */
export default async function TimetablePage({ searchParams }: { searchParams: Promise<Search> }) {
  const { ctx, api } = await serverCaller();
  const t = await getTranslations("timetable");
  const format = await getFormatter();
  const scope = ctx.actor?.scope;
  const search = await searchParams;
  const today = isoDate(new Date());
  const monday = mondayOf(search.semaine && ISO_DAY.test(search.semaine) ? search.semaine : today);
  const choices = await guarded(() => api.timetable.choices());
  const owner = ownerOf(search, choices);
  const week = owner ? await guarded(() => weekOf(api, owner, monday)) : null;
  const mode: WeekMode =
    scope && hasRole(scope, ...DAY_CHANGE_ROLES)
      ? { kind: "change" }
      : scope?.roles.has("teacher")
        ? { kind: "annotate", teacherId: scope.personId }
        : { kind: "read" };
  const manages = scope && hasRole(scope, ...TIMETABLE_EDITOR_ROLES, ...DAY_CHANGE_ROLES);
  const pickerGroups = ownerOptions(choices, t);
  const weekDate = format.dateTime(new Date(`${monday}T12:00:00Z`), { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

  return (
    <div className={ui.stack}>
      <div className={styles.toolbar}>
        <h1>{t("title")}</h1>
        {manages ? (
          <Link href="/emploi-du-temps/gestion" className={`${ui.button} ${ui.secondary}`}>
            {t("manage.link")}
          </Link>
        ) : null}
      </div>
      {choices.children.length > 0 && !choices.student ? (
        <ChildSwitcher items={choices.children} selectedId={owner?.kind === "student" ? owner.id : undefined} basePath="/emploi-du-temps" />
      ) : null}
      {pickerGroups.length > 0 ? <OwnerPicker groups={pickerGroups} current={hrefOf(owner)} /> : null}
      {owner && week ? (
        <section className={ui.stack} aria-labelledby="week-title">
          <div className={styles.toolbar}>
            <h2 className={styles.weekTitle} id="week-title">
              <span>{ownerName(owner, choices, t)}</span>
              <span className={ui.muted}>
                {t("weekOf", { date: weekDate })}
                {week.label ? ` · ${t("weekLabel", { label: week.label })}` : ""}
              </span>
            </h2>
            <nav aria-label={t("weekNavigation")}>
              <ul className={styles.weekNav}>
                <li>
                  <Link className={`${ui.button} ${ui.secondary}`} href={hrefOf(owner, addDays(monday, -7))} rel="prev">
                    <span aria-hidden="true">←</span> {t("previousWeek")}
                  </Link>
                </li>
                <li>
                  <Link className={`${ui.button} ${ui.secondary}`} href={hrefOf(owner)} aria-current={monday === mondayOf(today) ? "page" : undefined}>
                    {t("thisWeek")}
                  </Link>
                </li>
                <li>
                  <Link className={`${ui.button} ${ui.secondary}`} href={hrefOf(owner, addDays(monday, 7))} rel="next">
                    {t("nextWeek")} <span aria-hidden="true">→</span>
                  </Link>
                </li>
              </ul>
            </nav>
          </div>
          {week.days.every((day) => day.occurrences.length === 0 && day.events.length === 0) ? <p className={ui.card}>{t("noLessons")}</p> : null}
          <WeekView week={week} mode={mode} today={today} joinable={owner.kind === "student" || owner.kind === "teacher" ? owner.id === scope?.personId : false} />
        </section>
      ) : (
        <p className={ui.card}>{t("noTimetable")}</p>
      )}
      {scope ? <FeedPanel /> : null}
    </div>
  );
}

type T = Awaited<ReturnType<typeof getTranslations<"timetable">>>;

function ownerName(owner: Owner, choices: Choices, t: T): string {
  switch (owner.kind) {
    case "student": {
      const child = choices.children.find((c) => c.id === owner.id);
      return child ? t("owner.child", { name: child.firstName }) : t("owner.mine");
    }
    case "teacher":
      return owner.id === choices.teacher ? t("owner.myLessons") : (choices.teachers.find((c) => c.id === owner.id)?.name ?? "");
    case "class":
      return t("owner.class", { name: choices.classes.find((c) => c.id === owner.id)?.name ?? "" });
    case "group":
      return t("owner.group", { name: choices.groups.find((g) => g.id === owner.id)?.name ?? "" });
    case "room":
      return choices.rooms.find((r) => r.id === owner.id)?.name ?? "";
  }
}

/** What the picker offers: a teacher's own lessons and classes, the whole school for vie scolaire and direction. */
function ownerOptions(choices: Choices, t: T): OwnerOptionGroup[] {
  const groups: OwnerOptionGroup[] = [];
  if (choices.teacher) groups.push({ label: t("owner.mine"), options: [{ href: hrefOf(null), label: t("owner.myLessons") }] });
  const add = (label: string, param: "classe" | "groupe" | "enseignant" | "salle", items: { id: string; name: string }[]) => {
    if (items.length) groups.push({ label, options: items.map((item) => ({ href: hrefOf({ id: item.id, param }), label: item.name })) });
  };
  add(t("owner.classes"), "classe", choices.classes);
  add(t("owner.groups"), "groupe", choices.groups);
  add(t("owner.teachers"), "enseignant", choices.teachers);
  add(t("owner.rooms"), "salle", choices.rooms);
  return groups;
}
