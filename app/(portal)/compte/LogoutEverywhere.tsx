"use client";

import { useMutation } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";

/** Ends every session of mine on every device (a lost phone, a shared computer), this one included. */
export function LogoutEverywhere() {
  const t = useTranslations("account");
  const trpc = useTRPC();
  const logOut = useMutation(
    trpc.me.logOutEverywhere.mutationOptions({ onSuccess: () => void signOut({ callbackUrl: "/connexion" }) }),
  );
  return (
    <button className={ui.button} type="button" disabled={logOut.isPending} onClick={() => logOut.mutate()}>
      {t("logoutEverywhere")}
    </button>
  );
}
