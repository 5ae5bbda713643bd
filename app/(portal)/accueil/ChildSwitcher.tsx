import Link from "next/link";
import { getTranslations } from "next-intl/server";
import styles from "./home.module.css";

interface Props {
  items: { id: string; firstName: string; className: string | null }[];
  selectedId?: string;
}

/** A guardian picks which child the home shows; every later widget follows the same choice (?enfant=). */
export async function ChildSwitcher({ items, selectedId }: Props) {
  const t = await getTranslations("portal");
  return (
    <nav aria-label={t("switchChild")}>
      <ul className={styles.children}>
        {items.map((child) => (
          <li key={child.id}>
            <Link
              href={`/accueil?enfant=${child.id}`}
              className={styles.child}
              aria-current={child.id === selectedId ? "true" : undefined}
            >
              <span className={styles.childName}>{child.firstName}</span>
              {child.className ? <span className={styles.childClass}>{child.className}</span> : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
