import Link from "next/link";
import { getTranslations } from "next-intl/server";
import styles from "./ChildSwitcher.module.css";

interface Props {
  items: { id: string; firstName: string; className: string | null }[];
  selectedId?: string;
  /** The page the choice applies to (home, marks...). */
  basePath: string;
}

/** A guardian picks which child a page shows (?enfant=). */
export async function ChildSwitcher({ items, selectedId, basePath }: Props) {
  const t = await getTranslations("portal");
  return (
    <nav aria-label={t("switchChild")}>
      <ul className={styles.children}>
        {items.map((child) => (
          <li key={child.id}>
            <Link
              href={`${basePath}?enfant=${child.id}`}
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

/** The child a guardian chose (?enfant=), or their first one. */
export function selectedChild<T extends { id: string }>(children: T[], chosenId: string | undefined): T | undefined {
  return children.find((c) => c.id === chosenId) ?? children[0];
}
