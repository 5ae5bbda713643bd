import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { addDays } from "@/server/calendar/days";
import styles from "./homework.module.css";

interface Props {
  /** the page's address up to its query's end ("/travail?vue=cahier&"), to which "jusqu=" is added */
  base: string;
  range: { from: string; to: string; today: string };
}

/** The cahier de textes is read four weeks at a time: the earlier four weeks, and back towards today. */
export async function LogbookPager({ base, range }: Props) {
  const t = await getTranslations("homework.logbook");
  const later = addDays(range.to, 28);
  return (
    <nav aria-label={t("pages")} className={styles.pager}>
      <Link href={`${base}jusqu=${addDays(range.from, -1)}`}>{t("earlier")}</Link>
      {range.to < range.today ? <Link href={later < range.today ? `${base}jusqu=${later}` : base.slice(0, -1)}>{t("later")}</Link> : null}
    </nav>
  );
}
