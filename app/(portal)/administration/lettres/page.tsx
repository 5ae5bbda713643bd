import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { serverCaller } from "@/server/trpc/request-context";
import { LettersForm } from "./LettersForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.letters"))("title") };
}

/** Printing activation letters, a class (its pupils and their guardians) or the staff at a time. */
export default async function LettersPage() {
  const { api } = await serverCaller();
  const t = await getTranslations("admin.letters");
  const classes = await api.admin.classes();
  return (
    <section className={`${ui.card} ${ui.stack}`} aria-labelledby="letters-title">
      <h2 id="letters-title">{t("title")}</h2>
      <p>{t("intro")}</p>
      <LettersForm classes={classes} />
    </section>
  );
}
