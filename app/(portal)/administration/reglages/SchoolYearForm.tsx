"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { TextField } from "@/app/components/TextField";
import { FormAlert, useFormErrors } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import styles from "../admin.module.css";

interface Year {
  label: string;
  startsOn: string;
  endsOn: string;
  periods: { kind: "trimester" | "semester"; startsOn: string; endsOn: string }[];
}

/**
 * The school year's dates and its periods (trimestres or semestres). Saving a label that does not exist yet creates
 * that year: this is how next year is prepared before its import.
 */
export function SchoolYearForm({ year }: { year: Year | null }) {
  const t = useTranslations("admin.settings");
  const trpc = useTRPC();
  const router = useRouter();
  const save = useMutation(trpc.admin.saveSchoolYear.mutationOptions());
  const { error, reset, showFailure } = useFormErrors<string>();
  const [kind, setKind] = useState<"trimester" | "semester">(year?.periods[0]?.kind ?? "trimester");
  const [saved, setSaved] = useState(false);
  const count = kind === "trimester" ? 3 : 2;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset();
    setSaved(false);
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? "");
    try {
      await save.mutateAsync({
        label: value("label"),
        startsOn: value("startsOn"),
        endsOn: value("endsOn"),
        kind,
        periods: Array.from({ length: count }, (_, i) => ({ startsOn: value(`p${i}-start`), endsOn: value(`p${i}-end`) })),
      });
      setSaved(true);
      router.refresh();
    } catch (cause) {
      showFailure(cause, t("notSaved"));
    }
  }

  return (
    <form className={ui.stack} onSubmit={submit} noValidate>
      <TextField name="label" label={t("label")} hint={t("labelHint")} defaultValue={year?.label ?? ""} />
      <div className={styles.row}>
        <TextField name="startsOn" label={t("startsOn")} type="date" defaultValue={year?.startsOn ?? ""} />
        <TextField name="endsOn" label={t("endsOn")} type="date" defaultValue={year?.endsOn ?? ""} />
      </div>
      <div className={ui.field}>
        <label className={ui.label} htmlFor="kind">
          {t("kind")}
        </label>
        <select className={ui.input} id="kind" value={kind} onChange={(e) => setKind(e.target.value as "trimester" | "semester")}>
          <option value="trimester">{t("trimesters")}</option>
          <option value="semester">{t("semesters")}</option>
        </select>
      </div>
      {Array.from({ length: count }, (_, i) => (
        <fieldset key={`${kind}-${i}`} className={`${styles.row} ${styles.fieldset}`}>
          <legend className={ui.label}>{t("period", { ordinal: i + 1 })}</legend>
          <TextField name={`p${i}-start`} label={t("startsOn")} type="date" defaultValue={year?.periods[i]?.startsOn ?? ""} />
          <TextField name={`p${i}-end`} label={t("endsOn")} type="date" defaultValue={year?.periods[i]?.endsOn ?? ""} />
        </fieldset>
      ))}
      <FormAlert message={error} />
      {saved ? (
        <p className={ui.success} role="status">
          {t("saved")}
        </p>
      ) : null}
      <div>
        <button type="submit" className={ui.button}>
          {t("save")}
        </button>
      </div>
    </form>
  );
}
