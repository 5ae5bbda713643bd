"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import ui from "@/app/components/ui.module.css";

/** Ends this session on the server (the session row is revoked), then returns to the sign-in page. */
export function LogoutButton() {
  const t = useTranslations("nav");
  return (
    <button className={`${ui.button} ${ui.secondary}`} type="button" onClick={() => void signOut({ callbackUrl: "/connexion" })}>
      {t("logout")}
    </button>
  );
}
