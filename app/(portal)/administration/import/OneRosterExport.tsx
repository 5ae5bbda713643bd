"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormAlert } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import { downloadBase64 } from "../download";

/** Downloads the establishment's roster as a OneRoster 1.2 CSV package, for international tools. */
export function OneRosterExport() {
  const t = useTranslations("imports.oneRoster");
  const trpc = useTRPC();
  const exportRoster = useMutation(trpc.imports.exportOneRoster.mutationOptions());
  const [error, setError] = useState<string | null>(null);

  async function download() {
    setError(null);
    try {
      const { zip } = await exportRoster.mutateAsync();
      downloadBase64(zip, "oneroster-1.2.zip", "application/zip");
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    }
  }

  return (
    <div className={ui.stack}>
      <div>
        <button type="button" className={`${ui.button} ${ui.secondary}`} onClick={() => void download()} disabled={exportRoster.isPending}>
          {t("export")}
        </button>
      </div>
      <FormAlert message={error} />
    </div>
  );
}
