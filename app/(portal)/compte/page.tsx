import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { serverCaller, whoAmI } from "@/server/trpc/request-context";
import styles from "../portal.module.css";
import { LogoutEverywhere } from "./LogoutEverywhere";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

/** My account: identity, and the sessions open on my devices, which I can all end at once. */
export default async function AccountPage() {
  const { api } = await serverCaller();
  const t = await getTranslations("account");
  const [me, sessions] = await Promise.all([whoAmI(), api.me.sessions()]);
  return (
    <div className={ui.stack}>
      <h1>{t("title")}</h1>
      <div className={styles.grid}>
        <section className={ui.card} aria-labelledby="identity">
          <h2 id="identity">{t("identity")}</h2>
          <p>
            {me.person.firstName} {me.person.lastName}
          </p>
          <p>
            {t.rich("loginValue", { login: me.person.login, strong: (text) => <strong>{text}</strong> })}
          </p>
        </section>
        <section className={ui.card} aria-labelledby="sessions">
          <h2 id="sessions">{t("sessions")}</h2>
          <p>{t("sessionsIntro", { count: sessions.length })}</p>
          <ul className={styles.list}>
            {sessions.map((session) => (
              <li key={session.createdAt.toISOString()} className={styles.listItem}>
                <span>
                  {t("sessionStarted", { date: session.createdAt })}
                  {session.current ? <strong> · {t("sessionCurrent")}</strong> : null}
                </span>
                <span className={ui.muted}>{session.userAgent?.split(" ")[0]}</span>
              </li>
            ))}
          </ul>
          <LogoutEverywhere />
        </section>
      </div>
    </div>
  );
}
