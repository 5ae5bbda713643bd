"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import { FormAlert, useFormErrors } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import { MAX_DOCUMENT_BYTES, sniffDocumentType } from "@/server/attendance/documents";
import styles from "./attendance.module.css";

const REASONS = ["illness", "medical_appointment", "family", "transport", "religious_holiday", "exam_or_official", "other"] as const;
type Field = "reason" | "comment" | "document";

/** The file's bytes in base64, for the procedure; the server checks them again. */
async function base64Of(file: File): Promise<string> {
  const url = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
  return url.slice(url.indexOf(",") + 1);
}

/**
 * A guardian justifies an absence: a reason from the list, a comment, maybe a scan or photo of a certificate. The
 * file's type is checked from its first bytes here for a quick answer, and again on the server.
 */
export function JustifyForm({ absenceId, again, what }: { absenceId: string; again: boolean; what: string }) {
  const t = useTranslations("attendance.pupil");
  const tAll = useTranslations();
  const router = useRouter();
  const trpc = useTRPC();
  const justify = useMutation(trpc.attendance.justify.mutationOptions());
  const { fieldErrors, setFieldErrors, error, reset, showFailure } = useFormErrors<Field>();
  const [open, setOpen] = useState(false);
  const id = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset();
    const form = new FormData(event.currentTarget);
    const file = form.get("document");
    let document = null;
    if (file instanceof File && file.size > 0) {
      if (file.size > MAX_DOCUMENT_BYTES) return setFieldErrors({ document: t("documentTooLarge") });
      if (!sniffDocumentType(new Uint8Array(await file.slice(0, 16).arrayBuffer()))) return setFieldErrors({ document: t("documentType") });
      document = { name: file.name, content: await base64Of(file) };
    }
    try {
      await justify.mutateAsync({
        absenceId,
        reason: form.get("reason") as (typeof REASONS)[number],
        comment: String(form.get("comment") ?? ""),
        document,
      });
      setOpen(false);
      router.refresh();
    } catch (cause) {
      showFailure(cause, tAll("errors.internal"));
    }
  }

  if (!open) {
    return (
      <button type="button" className={`${ui.button} ${ui.secondary}`} onClick={() => setOpen(true)}>
        {again ? t("justifyAgain") : t("justify")}
        <span className="visually-hidden"> — {what}</span>
      </button>
    );
  }
  const field = (name: Field) => `${id}-${name}`;
  return (
    <form className={`${ui.stack} ${styles.decision}`} onSubmit={submit} noValidate>
      <h3 className={styles.grow}>{t("justifyLegend", { what })}</h3>
      <FormAlert message={error} />
      <div className={ui.field}>
        <label className={ui.label} htmlFor={field("reason")}>
          {t("reason")}
        </label>
        <select className={ui.input} id={field("reason")} name="reason" defaultValue="illness" required>
          {REASONS.map((reason) => (
            <option key={reason} value={reason}>
              {tAll(`attendance.reasons.${reason}`)}
            </option>
          ))}
        </select>
      </div>
      <div className={ui.field}>
        <label className={ui.label} htmlFor={field("comment")}>
          {t("comment")}
        </label>
        <textarea
          className={ui.input}
          id={field("comment")}
          name="comment"
          rows={3}
          maxLength={1000}
          aria-invalid={fieldErrors.comment ? true : undefined}
        />
        {fieldErrors.comment ? <p className={ui.fieldError}>{fieldErrors.comment}</p> : null}
      </div>
      <div className={ui.field}>
        <label className={ui.label} htmlFor={field("document")}>
          {t("document")}
        </label>
        <input
          className={ui.input}
          id={field("document")}
          name="document"
          type="file"
          accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
          aria-describedby={`${field("document")}-hint${fieldErrors.document ? ` ${field("document")}-error` : ""}`}
          aria-invalid={fieldErrors.document ? true : undefined}
        />
        <p className={ui.hint} id={`${field("document")}-hint`}>
          {t("documentHint")}
        </p>
        {fieldErrors.document ? (
          <p className={ui.fieldError} id={`${field("document")}-error`}>
            {fieldErrors.document}
          </p>
        ) : null}
      </div>
      <div className={styles.rowActions}>
        <button className={ui.button} type="submit" disabled={justify.isPending}>
          {justify.isPending ? t("sending") : t("send")}
        </button>
        <button type="button" className={`${ui.button} ${ui.secondary}`} onClick={() => setOpen(false)}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
