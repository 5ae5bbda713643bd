"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import { FormAlert, useFormErrors } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import styles from "./virtual-classes.module.css";

interface Scheduled {
  id: string;
  title: string;
  on: string;
  startsAt: string;
  endsAt: string;
}

/** Its teacher moves, renames or calls off a class they scheduled, until it begins. */
export function ScheduledActions({ scheduled, today }: { scheduled: Scheduled; today: string }) {
  const t = useTranslations("virtualClasses.change");
  const tSchedule = useTranslations("virtualClasses.schedule");
  const trpc = useTRPC();
  const router = useRouter();
  const reschedule = useMutation(trpc.virtualClasses.reschedule.mutationOptions());
  const cancel = useMutation(trpc.virtualClasses.cancel.mutationOptions());
  const { error, reset, showFailure } = useFormErrors<"title" | "on" | "startsAt" | "endsAt">();
  const [editing, setEditing] = useState(false);
  const id = useId();

  async function run(action: () => Promise<unknown>) {
    reset();
    try {
      await action();
      setEditing(false);
      router.refresh();
    } catch (cause) {
      showFailure(cause, "");
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = (name: string) => String(form.get(name));
    void run(() =>
      reschedule.mutateAsync({ id: scheduled.id, title: field("title"), on: field("on"), startsAt: field("startsAt"), endsAt: field("endsAt") }),
    );
  }

  const fields = [
    { name: "title", type: "text", label: tSchedule("name"), value: scheduled.title },
    { name: "on", type: "date", label: tSchedule("on"), value: scheduled.on },
    { name: "startsAt", type: "time", label: tSchedule("startsAt"), value: scheduled.startsAt },
    { name: "endsAt", type: "time", label: tSchedule("endsAt"), value: scheduled.endsAt },
  ];

  return (
    <div className={ui.stack}>
      <FormAlert message={error} />
      {editing ? (
        <form className={ui.stack} onSubmit={submit} aria-label={t("formLabel", { title: scheduled.title })}>
          <div className={styles.row}>
            {fields.map((field) => (
              <div key={field.name} className={ui.field}>
                <label className={ui.label} htmlFor={`${id}-${field.name}`}>
                  {field.label}
                </label>
                <input
                  id={`${id}-${field.name}`}
                  name={field.name}
                  type={field.type}
                  className={ui.input}
                  defaultValue={field.value}
                  required
                  {...(field.type === "date" ? { min: today } : {})}
                  {...(field.type === "text" ? { maxLength: 120 } : {})}
                />
              </div>
            ))}
          </div>
          <p className={styles.row}>
            <button type="submit" className={ui.button} disabled={reschedule.isPending}>
              {t("save")}
            </button>
            <button type="button" className={`${ui.button} ${ui.secondary}`} onClick={() => setEditing(false)}>
              {t("keep")}
            </button>
          </p>
        </form>
      ) : (
        <p className={styles.row}>
          <button type="button" className={`${ui.button} ${ui.secondary}`} onClick={() => setEditing(true)}>
            {t("edit")}
            <span className="visually-hidden"> — {scheduled.title}</span>
          </button>
          <button
            type="button"
            className={`${ui.button} ${ui.secondary}`}
            disabled={cancel.isPending}
            onClick={() => {
              if (window.confirm(t("cancelConfirm", { title: scheduled.title }))) void run(() => cancel.mutateAsync({ id: scheduled.id }));
            }}
          >
            {t("cancel")}
            <span className="visually-hidden"> — {scheduled.title}</span>
          </button>
        </p>
      )}
    </div>
  );
}
