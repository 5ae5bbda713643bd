import Link from "next/link";
import { getTranslations } from "next-intl/server";
import ui from "./ui.module.css";

/** The page shown when a resource is missing or refused, with the way back home. */
export async function ErrorPage({ messageKey }: { messageKey: "errors.notFound" | "errors.forbidden" }) {
  const t = await getTranslations();
  return (
    <main id="main" className={`${ui.card} ${ui.narrow}`}>
      <h1>{t(messageKey)}</h1>
      <p>
        <Link href="/accueil">{t("nav.home")}</Link>
      </p>
    </main>
  );
}
