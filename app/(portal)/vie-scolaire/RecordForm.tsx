"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { TextField } from "@/app/components/TextField";
import { FormAlert, useFormErrors } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import { HALF_DAYS, type HalfDay } from "@/server/attendance/school-day";
import styles from "../absences/attendance.module.css";

const REASONS = ["illness", "medical_appointment", "family", "transport", "religious_holiday", "exam_or_official", "other"] as const;
type Reason = (typeof REASONS)[number];
type Field = "studentId" | "from.day" | "to.day" | "day" | "arrivedAt" | "minutesLate" | "comment";

interface Props {
  classes: { id: string; name: string }[];
  /** today and the time now in the school's zone, from the server, so that the page renders the same on both sides */
  today: string;
  now: string;
}

/**
 * Vie scolaire records an absence over half-days (a morning, a day, several days) or a late at the gate: a class,
 * then one of its pupils, then the span or the arrival. A reason given by the family makes it justified at once.
 */
export function RecordForm({ classes, today, now }: Props) {
  const t = useTranslations("attendance");
  const tAll = useTranslations();
  const router = useRouter();
  const trpc = useTRPC();
  const [classId, setClassId] = useState("");
  const [kind, setKind] = useState<"absence" | "late">("absence");
  const [done, setDone] = useState<string | null>(null);
  const roster = useQuery(trpc.directory.classRoster.queryOptions({ classId }, { enabled: classId !== "" }));
  const recordAbsence = useMutation(trpc.attendance.recordAbsence.mutationOptions());
  const recordLate = useMutation(trpc.attendance.recordLate.mutationOptions());
  const { fieldErrors: errors, error, reset, showFailure } = useFormErrors<Field>();
  const pupils = roster.data?.pupils ?? [];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset();
    setDone(null);
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const text = (name: string) => String(form.get(name) ?? "");
    const studentId = text("studentId");
    const common = { studentId, reason: (text("reason") || null) as Reason | null, comment: text("comment") };
    try {
      if (kind === "absence") {
        await recordAbsence.mutateAsync({
          ...common,
          from: { day: text("fromDay"), half: text("fromHalf") as HalfDay },
          to: { day: text("toDay"), half: text("toHalf") as HalfDay },
        });
      } else {
        await recordLate.mutateAsync({ ...common, day: text("day"), arrivedAt: text("arrivedAt"), minutesLate: Number(text("minutesLate")) });
      }
      const pupil = pupils.find((p) => p.id === studentId);
      setDone(t("desk.recorded", { name: pupil ? `${pupil.firstName} ${pupil.lastName}` : "" }));
      (formElement.elements.namedItem("studentId") as HTMLSelectElement).value = "";
      router.refresh();
    } catch (cause) {
      showFailure(cause, tAll("errors.internal"));
    }
  }

  const halfSelect = (name: string, label: string, defaultValue: HalfDay) => (
    <div className={ui.field}>
      <label className={ui.label} htmlFor={name}>
        {label}
      </label>
      <select className={ui.input} id={name} name={name} defaultValue={defaultValue}>
        {HALF_DAYS.map((half) => (
          <option key={half} value={half}>
            {t(`desk.halfOptions.${half}`)}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <form className={ui.stack} onSubmit={submit} noValidate>
      <FormAlert message={error} />
      {done ? (
        <p className={ui.success} role="status">
          {done}
        </p>
      ) : null}
      <div className={styles.formGrid}>
        <div className={ui.field}>
          <label className={ui.label} htmlFor="record-class">
            {t("desk.class")}
          </label>
          <select className={ui.input} id="record-class" value={classId} onChange={(event) => setClassId(event.target.value)}>
            <option value="">{t("desk.chooseClass")}</option>
            {classes.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className={ui.field}>
          <label className={ui.label} htmlFor="studentId">
            {t("desk.pupil")}
          </label>
          <select
            className={ui.input}
            id="studentId"
            name="studentId"
            defaultValue=""
            disabled={pupils.length === 0}
            aria-invalid={errors.studentId ? true : undefined}
            aria-describedby={errors.studentId ? "studentId-error" : undefined}
          >
            <option value="">{t("desk.choosePupil")}</option>
            {pupils.map((p) => (
              <option key={p.id} value={p.id}>
                {p.lastName.toUpperCase()} {p.firstName}
              </option>
            ))}
          </select>
          {errors.studentId ? (
            <p className={ui.fieldError} id="studentId-error">
              {errors.studentId}
            </p>
          ) : null}
        </div>
      </div>
      <fieldset className={`${ui.field} ${styles.plainFieldset}`}>
        <legend className={ui.label}>{t("desk.kind")}</legend>
        <div className={styles.rowActions}>
          {(["absence", "late"] as const).map((value) => (
            <label key={value} className={ui.checkbox}>
              <input type="radio" name="kind" value={value} checked={kind === value} onChange={() => setKind(value)} />
              {t(`kinds.${value}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {kind === "absence" ? (
        <div className={styles.formGrid}>
          <TextField name="fromDay" type="date" label={t("desk.from")} defaultValue={today} required error={errors["from.day"]} />
          {halfSelect("fromHalf", t("desk.fromHalf"), "morning")}
          <TextField name="toDay" type="date" label={t("desk.to")} defaultValue={today} required error={errors["to.day"]} />
          {halfSelect("toHalf", t("desk.toHalf"), "afternoon")}
        </div>
      ) : (
        <div className={styles.formGrid}>
          <TextField name="day" type="date" label={t("desk.day")} defaultValue={today} required error={errors.day} />
          <TextField name="arrivedAt" type="time" label={t("desk.arrivedAt")} defaultValue={now} required error={errors.arrivedAt} />
          <TextField
            name="minutesLate"
            type="number"
            inputMode="numeric"
            min={1}
            max={240}
            label={t("desk.minutesLate")}
            defaultValue="10"
            required
            error={errors.minutesLate}
          />
        </div>
      )}
      <div className={ui.field}>
        <label className={ui.label} htmlFor="reason">
          {t("desk.reason")}
        </label>
        <select className={ui.input} id="reason" name="reason" defaultValue="">
          <option value="">{t("desk.noReason")}</option>
          {REASONS.map((reason) => (
            <option key={reason} value={reason}>
              {t(`reasons.${reason}`)}
            </option>
          ))}
        </select>
      </div>
      <TextField name="comment" label={t("desk.comment")} maxLength={1000} error={errors.comment} />
      <button className={ui.button} type="submit" disabled={recordAbsence.isPending || recordLate.isPending}>
        {recordAbsence.isPending || recordLate.isPending ? t("desk.submitting") : t("desk.submit")}
      </button>
    </form>
  );
}
