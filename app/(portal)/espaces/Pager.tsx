import Link from "next/link";
import { getTranslations } from "next-intl/server";
import styles from "./spaces.module.css";

/** Previous and next pages of a long list, with where the reader is. */
export async function Pager({ page, pageSize, total, hrefOf }: { page: number; pageSize: number; total: number; hrefOf: (page: number) => string }) {
  const t = await getTranslations("spaces.pager");
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages === 1) return null;
  return (
    <nav aria-label={t("label")} className={styles.pager}>
      {page > 1 ? <Link href={hrefOf(page - 1)}>{t("previous")}</Link> : <span />}
      <span>{t("position", { page, pages })}</span>
      {page < pages ? <Link href={hrefOf(page + 1)}>{t("next")}</Link> : <span />}
    </nav>
  );
}
