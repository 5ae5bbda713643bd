"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { TextField } from "@/app/components/TextField";
import { FormAlert, useFormErrors } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import styles from "../classes-virtuelles/virtual-classes.module.css";

/** A teacher publishes a run of meeting slots (e.g. 17:00–18:30 in slots of 15 minutes). */
export function PublishForm({ today }: { today: string }) {
  const t = useTranslations("virtualClasses.meetings.publish");
  const tAll = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const publish = useMutation(trpc.virtualClasses.publishSlots.mutationOptions());
  const { fieldErrors, error, reset, showFailure } = useFormErrors<"on" | "from" | "to" | "minutes">();
  const [created, setCreated] = useState<number | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset();
    setCreated(null);
    const form = new FormData(event.currentTarget);
    try {
      const result = await publish.mutateAsync({
        on: String(form.get("on")),
        from: String(form.get("from")),
        to: String(form.get("to")),
        minutes: Number(form.get("minutes")),
      });
      setCreated(result.created);
      router.refresh();
    } catch (cause) {
      showFailure(cause, tAll("errors.internal"));
    }
  }

  return (
    <form className={`${ui.card} ${ui.stack}`} onSubmit={submit} aria-labelledby="publish-title">
      <h2 id="publish-title">{t("title")}</h2>
      <FormAlert message={error} />
      <div className={styles.row}>
        <TextField name="on" type="date" label={t("on")} required min={today} defaultValue={today} error={fieldErrors.on} />
        <TextField name="from" type="time" label={t("from")} required defaultValue="17:00" error={fieldErrors.from} />
        <TextField name="to" type="time" label={t("to")} required defaultValue="18:00" error={fieldErrors.to} />
        <TextField name="minutes" type="number" label={t("minutes")} required min={5} max={60} defaultValue={15} error={fieldErrors.minutes} />
      </div>
      <p>
        <button type="submit" className={ui.button} disabled={publish.isPending}>
          {t("submit")}
        </button>
      </p>
      <p role="status" className={ui.muted}>
        {created !== null ? t("done", { count: created }) : null}
      </p>
    </form>
  );
}
