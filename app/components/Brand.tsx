import { getTranslations } from "next-intl/server";
import styles from "./Brand.module.css";

/** Préau's name and mark, on a light background or on the brand colour. */
export async function Brand({ onBrandColour = false }: { onBrandColour?: boolean }) {
  const t = await getTranslations("app");
  return (
    <p className={`${styles.brand} ${onBrandColour ? styles.inverted : ""}`}>
      <span className={styles.logo} aria-hidden="true">
        P
      </span>
      {t("name")}
    </p>
  );
}

/** The first link of every page, for keyboard users. */
export async function SkipLink() {
  const t = await getTranslations("app");
  return (
    <a className="skip-link" href="#main">
      {t("skipToContent")}
    </a>
  );
}
