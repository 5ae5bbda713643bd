import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import styles from "../public.module.css";
import { ActivationForm } from "./ActivationForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("activation"))("title") };
}

export default async function ActivationPage({ searchParams }: { searchParams: Promise<{ login?: string }> }) {
  const t = await getTranslations("activation");
  const { login } = await searchParams;
  return (
    <div className={styles.columns}>
      <section className={ui.card} aria-labelledby="activation-title">
        <h1 id="activation-title">{t("title")}</h1>
        <p className={ui.muted}>{t("intro")}</p>
        <ActivationForm initialLogin={login ?? ""} />
        <p>
          <Link href="/connexion">{t("backToLogin")}</Link>
        </p>
      </section>
    </div>
  );
}
