"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { FormAlert, useFormErrors } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import type { Occurrence } from "@/server/timetable/occurrences";
import { AnnotationFields } from "./ChangeDialog";
import { Dialog } from "./Dialog";
import { occurrenceTitle } from "./occurrence-title";
import styles from "./timetable.module.css";

/** A teacher marks their own lesson remote (classe virtuelle) or exam (devoir surveillé), or leaves a note for the class. */
export function AnnotateDialog({ occurrence, onClose }: { occurrence: Occurrence; onClose: () => void }) {
  const t = useTranslations();
  const format = useFormatter();
  const router = useRouter();
  const trpc = useTRPC();
  const annotate = useMutation(trpc.timetable.annotateOccurrence.mutationOptions());
  const { fieldErrors, error, reset, showFailure } = useFormErrors<"note">();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    reset();
    try {
      await annotate.mutateAsync({
        lessonId: occurrence.lessonId,
        plannedOn: occurrence.plannedOn,
        remote: form.get("remote") === "on",
        exam: form.get("exam") === "on",
        note: String(form.get("note") ?? "").trim() || null,
      });
      router.refresh();
      onClose();
    } catch (cause) {
      showFailure(cause, t("errors.internal"));
    }
  }

  return (
    <Dialog title={occurrenceTitle(occurrence, format)} onClose={onClose}>
      <form className={ui.stack} onSubmit={submit} noValidate>
        <FormAlert message={error} />
        <AnnotationFields occurrence={occurrence} noteError={fieldErrors.note} />
        <div className={styles.actions}>
          <button type="button" className={`${ui.button} ${ui.secondary}`} onClick={onClose}>
            {t("timetable.change.close")}
          </button>
          <button type="submit" className={ui.button} disabled={annotate.isPending}>
            {annotate.isPending ? t("timetable.change.saving") : t("timetable.change.save")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
