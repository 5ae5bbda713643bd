import type { Metadata } from "next";
import { getMessages, getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import type { Messages } from "@/app/i18n/catalogue";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("charter"))("title") };
}

/** The usage charter (charte d'utilisation) every person accepts at activation. */
export default async function CharterPage() {
  const t = await getTranslations("charter");
  const { charter } = (await getMessages()) as Messages;
  return (
    <article className={ui.card}>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <ol>
        {charter.rules.map((rule) => (
          <li key={rule}>{rule}</li>
        ))}
      </ol>
    </article>
  );
}
