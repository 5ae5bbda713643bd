import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { addDays, isoDate, mondayOf } from "@/server/calendar/days";
import { CANTEEN_EDITORS } from "@/server/news/canteen";
import { hasRole } from "@/server/policy/scope";
import { serverCaller } from "@/server/trpc/request-context";
import styles from "../../messagerie/messaging.module.css";
import { MenuForm } from "./MenuForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("news.canteen"))("title") };
}

/** The canteen's menus of a week, with each course's allergens; the kitchen, secrétariat and direction write them. */
export default async function CanteenPage({ searchParams }: { searchParams: Promise<{ semaine?: string }> }) {
  const { semaine } = await searchParams;
  const { ctx, api } = await serverCaller();
  const [t, format] = await Promise.all([getTranslations("news.canteen"), getFormatter()]);
  const monday = mondayOf(semaine && /^\d{4}-\d{2}-\d{2}$/.test(semaine) ? semaine : isoDate(new Date()));
  const week = await api.news.canteenWeek({ day: monday });
  const scope = ctx.actor?.scope;
  const day = (iso: string) => format.dateTime(new Date(`${iso}T12:00:00Z`), { weekday: "long", day: "numeric", month: "long" });
  return (
    <div className={ui.stack}>
      <h1>{t("title")}</h1>
      <p className={styles.tabs}>
        <Link href={`/actualites/cantine?semaine=${addDays(monday, -7)}`}>{t("previous")}</Link>
        <strong>{t("week", { monday: day(monday) })}</strong>
        <Link href={`/actualites/cantine?semaine=${addDays(monday, 7)}`}>{t("next")}</Link>
      </p>
      <div className={styles.thread}>
        {week.map((menu) => (
          <section key={menu.day} className={ui.card} aria-labelledby={`menu-${menu.day}`}>
            <h2 id={`menu-${menu.day}`}>{day(menu.day)}</h2>
            {menu.courses.length === 0 ? <p className={ui.muted}>{t("noMenu")}</p> : null}
            <ul className={styles.conversations}>
              {menu.courses.map((course, index) => (
                <li key={index} className={styles.conversation}>
                  <span>{course.name}</span>
                  {course.allergens.length ? (
                    <span className={ui.muted}>
                      {t("allergens")} : {course.allergens.map((a) => t(`allergenNames.${a as "gluten"}`)).join(", ")}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      {scope && hasRole(scope, ...CANTEEN_EDITORS) ? <MenuForm week={week} /> : null}
    </div>
  );
}
