import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { env } from "@/server/env";
import { DEMO_ACCOUNTS, DEMO_ACTIVATION_CODE, DEMO_PASSWORD } from "@/server/seed/demo-accounts";
import { serverCaller } from "@/server/trpc/request-context";
import styles from "../public.module.css";
import { DemoAccounts } from "./DemoAccounts";
import { LoginForm } from "./LoginForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("login"))("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ expired?: string }> }) {
  const { ctx } = await serverCaller();
  if (ctx.actor) redirect("/accueil");
  const t = await getTranslations("login");
  const { expired } = await searchParams;
  const demo = env().PREAU_MODE === "demo";
  const listed = Object.values(DEMO_ACCOUNTS).filter((account) => account.listed);
  return (
    <div className={styles.columns}>
      <section className={ui.card} aria-labelledby="login-title">
        <h1 id="login-title">{t("title")}</h1>
        <p className={ui.muted}>{t("intro")}</p>
        {expired ? <p className={ui.alert}>{t("sessionEnded")}</p> : null}
        <LoginForm />
      </section>
      {demo ? (
        <DemoAccounts
          password={DEMO_PASSWORD}
          activation={{ login: DEMO_ACCOUNTS.pending.login, code: DEMO_ACTIVATION_CODE }}
          accounts={listed.map(({ key, login, firstName, lastName }) => ({ key, login, name: `${firstName} ${lastName}` }))}
        />
      ) : null}
    </div>
  );
}
