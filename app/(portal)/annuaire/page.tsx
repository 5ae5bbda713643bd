import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { serverCaller } from "@/server/trpc/request-context";
import styles from "../portal.module.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("directory"))("title") };
}

/** The directory (annuaire): the classes this person may see, by level. */
export default async function DirectoryPage() {
  const { api } = await serverCaller();
  const t = await getTranslations();
  const classes = await api.directory.classes();
  const levels = [...new Set(classes.map((c) => c.level))];
  return (
    <div className={ui.stack}>
      <h1>{t("directory.title")}</h1>
      {classes.length === 0 ? <p className={ui.card}>{t("directory.noClasses")}</p> : null}
      <div className={styles.grid}>
        {levels.map((level) => (
          <section key={level} className={ui.card} aria-labelledby={`level-${level}`}>
            <h2 id={`level-${level}`}>{level}</h2>
            <ul className={styles.list}>
              {classes
                .filter((c) => c.level === level)
                .map((c) => (
                  <li key={c.id} className={styles.listItem}>
                    <Link href={`/annuaire/classe/${c.id}`}>{c.name}</Link>
                    <span className={ui.muted}>{t("home.pupilsCount", { count: c.pupils })}</span>
                  </li>
                ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
