"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { FileUploadForm } from "@/app/components/FileUploadForm";
import { FormAlert, useFormErrors } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import styles from "../../espaces/spaces.module.css";

interface Props {
  handInId: string;
  who: string;
  corrections: { storedFileId: string; name: string }[];
}

/**
 * The corrected copies (copies corrigées) the teacher returns with a hand-in: added and removed here, downloaded by the
 * pupil or team once the work is returned.
 */
export function Corrections({ handInId, who, corrections }: Props) {
  const t = useTranslations("handIns.review");
  const tAll = useTranslations();
  const router = useRouter();
  const trpc = useTRPC();
  const attach = useMutation(trpc.handIns.attachCorrection.mutationOptions());
  const detach = useMutation(trpc.handIns.detachCorrection.mutationOptions());
  const { error, reset, showFailure } = useFormErrors();

  async function remove(storedFileId: string) {
    reset();
    try {
      await detach.mutateAsync({ handInId, storedFileId });
      router.refresh();
    } catch (cause) {
      showFailure(cause, tAll("errors.internal"));
    }
  }

  return (
    <div className={ui.stack}>
      <FormAlert message={error} />
      {corrections.length ? (
        <ul className={styles.list} aria-label={`${t("corrections")} — ${who}`}>
          {corrections.map((file) => (
            <li key={file.storedFileId} className={styles.item}>
              <a href={`/api/fichiers/${file.storedFileId}`} download>
                {file.name}
              </a>
              <button type="button" className={`${ui.button} ${ui.secondary}`} onClick={() => remove(file.storedFileId)} disabled={detach.isPending}>
                {t("removeCorrection")}
                <span className="visually-hidden"> — {file.name}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <FileUploadForm label={t("addCorrection")} send={(file) => attach.mutateAsync({ handInId, file })} />
    </div>
  );
}
