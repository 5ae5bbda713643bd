import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { LogbookEntry } from "@/server/homework/logbook";
import styles from "./homework.module.css";

interface Props {
  entries: LogbookEntry[];
  /** the subject code shown, or none for all */
  selected?: string;
  /** the page's address for a subject, or for all of them */
  pageOf: (code: string | null) => string;
}

/** Four weeks of a cahier de textes are long: a reader narrows them to one subject. */
export async function SubjectFilter({ entries, selected, pageOf }: Props) {
  const [t, locale] = await Promise.all([getTranslations("homework.logbook"), getLocale()]);
  const subjects = [...new Map(entries.map((e) => [e.subject.code, e.subject.name])).entries()].sort((a, b) =>
    a[1].localeCompare(b[1], locale),
  );
  if (subjects.length < 2) return null;
  return (
    <nav aria-label={t("subjects")}>
      <ul className={styles.subjectFilter}>
        <li>
          <Link href={pageOf(null)} aria-current={selected ? undefined : "page"}>
            {t("allSubjects")}
          </Link>
        </li>
        {subjects.map(([code, name]) => (
          <li key={code}>
            <Link href={pageOf(code)} aria-current={code === selected ? "page" : undefined}>
              {name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The entries of one subject, or all of them. */
export function ofSubject(entries: LogbookEntry[], code: string | undefined): LogbookEntry[] {
  return code ? entries.filter((e) => e.subject.code === code) : entries;
}
