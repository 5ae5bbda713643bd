"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/app/trpc/client";
import styles from "./portal.module.css";

interface Props {
  establishments: { id: string; name: string }[];
  activeId: string | null;
}

/** For people with profiles in several establishments; hidden for everyone else. */
export function EstablishmentSwitcher({ establishments, activeId }: Props) {
  const t = useTranslations("portal");
  const router = useRouter();
  const trpc = useTRPC();
  const switchTo = useMutation(trpc.me.switchEstablishment.mutationOptions({ onSuccess: () => router.refresh() }));
  if (establishments.length < 2) return null;
  return (
    <label className={styles.select}>
      <span className="visually-hidden">{t("switchEstablishment")}</span>
      <select
        aria-label={t("switchEstablishment")}
        value={activeId ?? ""}
        disabled={switchTo.isPending}
        onChange={(event) => switchTo.mutate({ establishmentId: event.target.value })}
      >
        {establishments.map((e) => (
          <option key={e.id} value={e.id}>
            {e.name}
          </option>
        ))}
      </select>
    </label>
  );
}
