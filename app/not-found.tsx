import Link from "next/link";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";

export default async function NotFound() {
  const t = await getTranslations();
  return (
    <main id="main" className={ui.card} style={{ maxWidth: "40rem", margin: "2rem auto" }}>
      <h1>{t("errors.notFound")}</h1>
      <p>
        <Link href="/accueil">{t("nav.home")}</Link>
      </p>
    </main>
  );
}
