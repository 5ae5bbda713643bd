"use client";

import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import { RichTextEditor } from "@/app/components/RichTextEditor";
import { FormAlert, useFormErrors } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import type { Session } from "@/server/homework/next-sessions";
import type { RichDoc } from "@/server/rich-text/rich-text";
import { formatDay } from "../../days";
import styles from "../../homework.module.css";

export interface HomeworkValues {
  dueOn: string;
  instructions: RichDoc;
  estimatedMinutes: number | null;
  handIn: boolean;
}

interface Props {
  /** the next lessons of the subject: their days are offered as due dates */
  sessions: Session[];
  /** the lesson's day: no homework is due before it */
  lessonDay: string;
  initial?: HomeworkValues;
  submitLabel: string;
  pendingLabel: string;
  onSubmit: (values: HomeworkValues) => Promise<void>;
  onDueChange?: (day: string) => void;
  onCancel?: () => void;
}

type Field = "dueOn" | "instructions" | "estimatedMinutes" | "handIn";
const OTHER = "other";

/** Homework's due date (a next session, or another day), instructions, estimated minutes and whether to hand it in. */
export function HomeworkForm({ sessions, lessonDay, initial, submitLabel, pendingLabel, onSubmit, onDueChange, onCancel }: Props) {
  const t = useTranslations("homework");
  const locale = useLocale();
  const id = useId();
  const { fieldErrors, error, reset, showFailure } = useFormErrors<Field>();
  const offered = sessions.map((session) => session.on);
  const firstDue = initial?.dueOn ?? offered[0] ?? "";
  const [choice, setChoice] = useState(firstDue && offered.includes(firstDue) ? firstDue : OTHER);
  const [otherDay, setOtherDay] = useState(firstDue && !offered.includes(firstDue) ? firstDue : "");
  const [instructions, setInstructions] = useState<RichDoc | null>(initial?.instructions ?? null);
  const [pending, setPending] = useState(false);
  const dueOn = choice === OTHER ? otherDay : choice;

  function pick(next: string) {
    setChoice(next);
    const day = next === OTHER ? otherDay : next;
    if (day) onDueChange?.(day);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const minutes = String(form.get("estimatedMinutes") ?? "").trim();
    reset();
    setPending(true);
    try {
      await onSubmit({
        dueOn,
        instructions: instructions ?? { type: "doc", content: [] },
        estimatedMinutes: minutes === "" ? null : Number(minutes),
        handIn: form.get("handIn") === "on",
      });
    } catch (cause) {
      showFailure(cause, t("errors.saveFailed"));
    } finally {
      setPending(false);
    }
  }

  return (
    <form className={ui.stack} onSubmit={submit} noValidate>
      <FormAlert message={error} />
      <div className={ui.field}>
        <label className={ui.label} htmlFor={`${id}-due`}>
          {t("form.dueOn")}
        </label>
        <select id={`${id}-due`} className={ui.input} value={choice} onChange={(event) => pick(event.target.value)}>
          {sessions.map((session, index) => (
            <option key={session.on} value={session.on}>
              {index === 0
                ? t("form.nextSession", { day: formatDay(session.on, locale) })
                : t("form.session", { day: formatDay(session.on, locale) })}
            </option>
          ))}
          <option value={OTHER}>{t("form.otherDay")}</option>
        </select>
      </div>
      {choice === OTHER ? (
        <div className={ui.field}>
          <label className={ui.label} htmlFor={`${id}-day`}>
            {t("form.day")}
          </label>
          <input
            id={`${id}-day`}
            className={ui.input}
            type="date"
            min={lessonDay}
            value={otherDay}
            required
            aria-invalid={fieldErrors.dueOn ? true : undefined}
            aria-describedby={fieldErrors.dueOn ? `${id}-day-error` : undefined}
            onChange={(event) => {
              setOtherDay(event.target.value);
              if (event.target.value) onDueChange?.(event.target.value);
            }}
          />
          {fieldErrors.dueOn ? (
            <p className={ui.fieldError} id={`${id}-day-error`}>
              {fieldErrors.dueOn}
            </p>
          ) : null}
        </div>
      ) : null}
      <div className={ui.field}>
        <span className={ui.label} id={`${id}-instructions`}>
          {t("form.instructions")}
        </span>
        <RichTextEditor labelId={`${id}-instructions`} initial={initial?.instructions ?? null} onChange={setInstructions} error={fieldErrors.instructions} />
      </div>
      <div className={styles.formRow}>
        <div className={ui.field}>
          <label className={ui.label} htmlFor={`${id}-minutes`}>
            {t("form.minutes")}
          </label>
          <input
            id={`${id}-minutes`}
            name="estimatedMinutes"
            className={`${ui.input} ${styles.minutes}`}
            type="number"
            inputMode="numeric"
            min={1}
            max={600}
            step={5}
            defaultValue={initial?.estimatedMinutes ?? ""}
            aria-invalid={fieldErrors.estimatedMinutes ? true : undefined}
            aria-describedby={fieldErrors.estimatedMinutes ? `${id}-minutes-error` : undefined}
          />
          {fieldErrors.estimatedMinutes ? (
            <p className={ui.fieldError} id={`${id}-minutes-error`}>
              {fieldErrors.estimatedMinutes}
            </p>
          ) : null}
        </div>
        <label className={`${ui.checkbox} ${styles.handIn}`}>
          <input type="checkbox" name="handIn" defaultChecked={initial?.handIn ?? false} />
          <span>{t("form.handIn")}</span>
        </label>
      </div>
      <div className={styles.formActions}>
        <button className={ui.button} type="submit" disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </button>
        {onCancel ? (
          <button className={`${ui.button} ${ui.secondary}`} type="button" onClick={onCancel}>
            {t("form.cancel")}
          </button>
        ) : null}
      </div>
    </form>
  );
}
