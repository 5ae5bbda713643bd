"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import ui from "@/app/components/ui.module.css";
import type { DemoAccountKey } from "@/server/seed/demo-accounts";
import styles from "../public.module.css";

interface Props {
  password: string;
  activation: { login: string; code: string };
  accounts: { key: DemoAccountKey; login: string; name: string }[];
}

/** Demo mode only: the demo school's accounts, one click to fill the sign-in form. */
export function DemoAccounts({ password, activation, accounts }: Props) {
  const t = useTranslations("demo");
  const use = (login: string) => {
    window.dispatchEvent(new CustomEvent("preau:demo-login", { detail: login }));
    document.getElementById("password")?.focus();
  };
  return (
    <section className={ui.card} aria-labelledby="demo-title">
      <h2 id="demo-title">{t("title")}</h2>
      <p className={ui.muted}>{t("intro", { password })}</p>
      <ul className={styles.demoList}>
        {accounts.map((account) => (
          <li key={account.key} className={styles.demoAccount}>
            <div>
              <p>
                <span className={styles.demoLogin}>{account.login}</span> · {account.name}
              </p>
              <p className={ui.hint}>{t(`accounts.${account.key}`)}</p>
              {account.login === activation.login ? (
                <p className={ui.hint}>{t("activationCode", { code: activation.code })}</p>
              ) : null}
            </div>
            {account.login === activation.login ? (
              <Link className={`${ui.button} ${ui.secondary}`} href={`/activation?login=${account.login}`}>
                {t("use")}
                <span className="visually-hidden"> {account.login}</span>
              </Link>
            ) : (
              <button className={`${ui.button} ${ui.secondary}`} type="button" onClick={() => use(account.login)}>
                {t("use")}
                <span className="visually-hidden"> {account.login}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
