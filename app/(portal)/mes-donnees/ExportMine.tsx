"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormAlert } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import { downloadBase64 } from "../administration/download";

/** Downloads everything Préau holds about the person, as JSON files in a ZIP. */
export function ExportMine() {
  const t = useTranslations("privacy");
  const trpc = useTRPC();
  const exportMine = useMutation(trpc.privacy.exportMine.mutationOptions());
  const [error, setError] = useState<string | null>(null);

  async function download() {
    setError(null);
    try {
      const { zip } = await exportMine.mutateAsync();
      downloadBase64(zip, "mes-donnees-preau.zip", "application/zip");
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    }
  }

  return (
    <div className={ui.stack}>
      <div>
        <button type="button" className={ui.button} onClick={() => void download()} disabled={exportMine.isPending}>
          {exportMine.isPending ? t("exporting") : t("export")}
        </button>
      </div>
      <FormAlert message={error} />
    </div>
  );
}
