"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import { FormAlert, useFormErrors } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";

/** Reports a message as abusive to the moderators, with a reason. */
export function ReportButton({ messageId }: { messageId: string }) {
  const t = useTranslations("messaging.report");
  const tAll = useTranslations();
  const trpc = useTRPC();
  const report = useMutation(trpc.messaging.report.mutationOptions());
  const { error, reset, showFailure } = useFormErrors<"reason">();
  const [open, setOpen] = useState(false);
  const id = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset();
    try {
      await report.mutateAsync({ messageId, reason: String(new FormData(event.currentTarget).get("reason") ?? "") });
      setOpen(false);
    } catch (cause) {
      showFailure(cause, tAll("errors.internal"));
    }
  }

  if (report.isSuccess) return <p className={ui.muted}>{t("done")}</p>;
  if (!open) {
    return (
      <button type="button" className={ui.secondary} onClick={() => setOpen(true)}>
        {t("action")}
      </button>
    );
  }
  return (
    <form onSubmit={submit} className={ui.stack}>
      <FormAlert message={error} />
      <div className={ui.field}>
        <label className={ui.label} htmlFor={id}>
          {t("reason")}
        </label>
        <textarea className={ui.input} id={id} name="reason" rows={2} minLength={3} maxLength={1000} required />
      </div>
      <p>
        <button className={`${ui.button} ${ui.secondary}`} type="submit">
          {t("send")}
        </button>
      </p>
    </form>
  );
}
