import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import styles from "./home.module.css";

/** Headcounts for direction, vie scolaire, secrétariat and admins. */
export async function EstablishmentOverview({ figures }: { figures: { pupils: number; teachers: number; classes: number } }) {
  const t = await getTranslations("home");
  return (
    <section className={ui.card} aria-labelledby="overview">
      <h2 id="overview">{t("staffOverview")}</h2>
      <ul className={styles.figures}>
        <li>{t("pupilsCount", { count: figures.pupils })}</li>
        <li>{t("classesCount", { count: figures.classes })}</li>
        <li>{t("teachersCount", { count: figures.teachers })}</li>
      </ul>
    </section>
  );
}
