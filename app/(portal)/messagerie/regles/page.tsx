import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { serverCaller } from "@/server/trpc/request-context";
import { guarded } from "../../guarded";
import { RulesForm } from "./RulesForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("messaging"))("rules.title") };
}

/** The establishment's communication rules, for its administrator and direction. */
export default async function RulesPage() {
  const { api } = await serverCaller();
  const t = await getTranslations("messaging.rules");
  const rules = await guarded(() => api.messaging.rules());
  return (
    <div className={ui.stack}>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <RulesForm initial={rules} />
    </div>
  );
}
