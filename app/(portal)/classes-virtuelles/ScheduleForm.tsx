"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { TextField } from "@/app/components/TextField";
import { FormAlert, useFormErrors } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import styles from "./virtual-classes.module.css";

interface Named {
  id: string;
  name: string;
}

interface Props {
  classes: Named[];
  groups: Named[];
  /** team spaces the person owns or writes in */
  teams: Named[];
  today: string;
  /** the audience chosen beforehand ("space:<id>" when coming from a team space's page) */
  chosen?: string;
}

type Kind = "class" | "group" | "space";

/** A teacher schedules a virtual class for one of the classes or groups they teach, or a team space they belong to. */
export function ScheduleForm({ classes, groups, teams, today, chosen }: Props) {
  const t = useTranslations("virtualClasses.schedule");
  const trpc = useTRPC();
  const router = useRouter();
  const schedule = useMutation(trpc.virtualClasses.schedule.mutationOptions());
  const { fieldErrors, error, reset, showFailure } = useFormErrors<"title" | "on" | "startsAt" | "endsAt">();
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset();
    setDone(false);
    const form = new FormData(event.currentTarget);
    const [kind, id] = String(form.get("audience")).split(":") as [Kind, string];
    try {
      await schedule.mutateAsync({
        audience: { kind, id },
        title: String(form.get("title")),
        on: String(form.get("on")),
        startsAt: String(form.get("startsAt")),
        endsAt: String(form.get("endsAt")),
      });
      setDone(true);
      router.refresh();
    } catch (cause) {
      showFailure(cause, "");
    }
  }

  return (
    <form className={`${ui.card} ${ui.stack}`} onSubmit={submit} aria-labelledby="schedule-title">
      <h2 id="schedule-title">{t("title")}</h2>
      <FormAlert message={error} />
      <div className={ui.field}>
        <label className={ui.label} htmlFor="schedule-audience">
          {t("audience")}
        </label>
        <select id="schedule-audience" name="audience" className={ui.input} required defaultValue={chosen}>
          {([["class", classes, t("classes")], ["group", groups, t("groups")], ["space", teams, t("teams")]] as const).map(([kind, named, label]) =>
            named.length ? (
              <optgroup key={kind} label={label}>
                {named.map((one) => (
                  <option key={one.id} value={`${kind}:${one.id}`}>
                    {one.name}
                  </option>
                ))}
              </optgroup>
            ) : null,
          )}
        </select>
      </div>
      <TextField name="title" label={t("name")} required maxLength={120} error={fieldErrors.title} />
      <div className={styles.row}>
        <TextField name="on" type="date" label={t("on")} required min={today} defaultValue={today} error={fieldErrors.on} />
        <TextField name="startsAt" type="time" label={t("startsAt")} required error={fieldErrors.startsAt} />
        <TextField name="endsAt" type="time" label={t("endsAt")} required error={fieldErrors.endsAt} />
      </div>
      <p>
        <button type="submit" className={ui.button} disabled={schedule.isPending}>
          {t("submit")}
        </button>
      </p>
      <p role="status" className={ui.muted}>
        {done ? t("done") : null}
      </p>
    </form>
  );
}
