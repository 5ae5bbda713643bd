"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { TextField } from "@/app/components/TextField";
import { FormAlert, useFormErrors } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import styles from "../../notes.module.css";

interface Props {
  assignmentId: string;
  periods: { id: string; kind: "trimester" | "semester"; ordinal: number }[];
  currentPeriodId: string | null;
}

const KINDS = ["normal", "optional", "bonus"] as const;
type Field = "title" | "givenOn" | "outOf" | "coefficient" | "kind" | "periodId";

/** A new evaluation, created as a draft; the teacher goes straight to its marking grid. */
export function NewEvaluationForm({ assignmentId, periods, currentPeriodId }: Props) {
  const t = useTranslations();
  const router = useRouter();
  const trpc = useTRPC();
  const create = useMutation(trpc.grades.createEvaluation.mutationOptions());
  const { fieldErrors: errors, error, reset, showFailure } = useFormErrors<Field>();
  const today = new Date().toISOString().slice(0, 10);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const number = (name: string) => Number(String(form.get(name)).replace(",", "."));
    reset();
    try {
      const { id } = await create.mutateAsync({
        assignmentId,
        periodId: String(form.get("periodId")),
        title: String(form.get("title")),
        givenOn: String(form.get("givenOn")),
        outOf: number("outOf"),
        coefficient: number("coefficient"),
        kind: form.get("kind") as (typeof KINDS)[number],
      });
      router.push(`/notes/evaluation/${id}`);
    } catch (cause) {
      showFailure(cause, t("errors.internal"));
    }
  }

  return (
    <form className={ui.stack} onSubmit={submit} noValidate>
      <FormAlert message={error} />
      <TextField name="title" label={t("grades.fields.title")} required maxLength={120} error={errors.title} />
      <div className={styles.formGrid}>
        <TextField name="givenOn" type="date" label={t("grades.fields.givenOn")} defaultValue={today} required error={errors.givenOn} />
        <TextField name="outOf" label={t("grades.fields.outOf")} inputMode="decimal" defaultValue="20" required error={errors.outOf} />
        <TextField name="coefficient" label={t("grades.fields.coefficient")} inputMode="decimal" defaultValue="1" required error={errors.coefficient} />
      </div>
      <div className={ui.field}>
        <label className={ui.label} htmlFor="kind">
          {t("grades.fields.kind")}
        </label>
        <select className={ui.input} id="kind" name="kind" defaultValue="normal">
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`grades.kinds.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      <div className={ui.field}>
        <label className={ui.label} htmlFor="periodId">
          {t("grades.fields.period")}
        </label>
        <select className={ui.input} id="periodId" name="periodId" defaultValue={currentPeriodId ?? undefined}>
          {periods.map((p) => (
            <option key={p.id} value={p.id}>
              {t(`home.periods.${p.kind}`, { ordinal: p.ordinal })}
            </option>
          ))}
        </select>
      </div>
      <button className={ui.button} type="submit" disabled={create.isPending}>
        {create.isPending ? t("grades.creating") : t("grades.create")}
      </button>
    </form>
  );
}
