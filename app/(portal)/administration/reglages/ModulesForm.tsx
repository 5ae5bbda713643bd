"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormAlert } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import type { Module } from "@/server/modules/modules";
import styles from "../admin.module.css";

/** One switch per service: a disabled service disappears from everyone's menu and its procedures are refused. */
export function ModulesForm({ modules }: { modules: { module: Module; enabled: boolean }[] }) {
  const t = useTranslations("admin.settings");
  const trpc = useTRPC();
  const router = useRouter();
  const setModule = useMutation(trpc.admin.setModule.mutationOptions());
  const [error, setError] = useState<string | null>(null);

  async function toggle(module: Module, enabled: boolean) {
    setError(null);
    try {
      await setModule.mutateAsync({ module, enabled });
      router.refresh();
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    }
  }

  return (
    <fieldset className={`${ui.stack} ${styles.fieldset}`}>
      <legend className={ui.label}>{t("modulesLegend")}</legend>
      {modules.map(({ module, enabled }) => (
        <label key={module} className={ui.checkbox}>
          <input type="checkbox" checked={enabled} disabled={setModule.isPending} onChange={(e) => void toggle(module, e.target.checked)} />
          <span>{t(`modules.${module}`)}</span>
        </label>
      ))}
      <FormAlert message={error} />
    </fieldset>
  );
}
