"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { FileUploadForm } from "@/app/components/FileUploadForm";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";

/** Sends a file to a folder of a space or of one's own files. */
export function UploadForm({ spaceId, folderId, familySharing }: { spaceId: string | null; folderId: string | null; familySharing: boolean }) {
  const t = useTranslations("spaces.files");
  const trpc = useTRPC();
  const upload = useMutation(trpc.files.upload.mutationOptions());
  return (
    <FileUploadForm
      heading={t("upload")}
      label={t("file")}
      send={(file, form) => upload.mutateAsync({ spaceId, folderId, forFamilies: form.get("forFamilies") === "on", file })}
    >
      {familySharing ? (
        <label className={ui.checkbox}>
          <input type="checkbox" name="forFamilies" /> {t("shareWithFamilies")}
        </label>
      ) : null}
    </FileUploadForm>
  );
}
