"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { FormAlert } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import styles from "../../timetable.module.css";

interface Props {
  schoolYearId: string;
  /** the weeks the alternation may start again from: school weeks not over yet */
  weeks: { monday: string; label: string }[];
}

/** Lays the alternation again from a chosen week A to the end of the year. */
export function AlternationForm({ schoolYearId, weeks }: Props) {
  const t = useTranslations("timetable.schoolWeeks");
  const router = useRouter();
  const trpc = useTRPC();
  const alternate = useMutation(trpc.timetable.alternateWeeks.mutationOptions());
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const weekA = String(new FormData(event.currentTarget).get("weekA"));
    const label = weeks.find((week) => week.monday === weekA)?.label ?? weekA;
    if (!window.confirm(t("regenerateConfirm", { week: label }))) return;
    setMessage(null);
    try {
      await alternate.mutateAsync({ schoolYearId, weekA });
      setMessage({ ok: true, text: t("regenerated", { week: label }) });
      router.refresh();
    } catch (cause) {
      setMessage({ ok: false, text: cause instanceof Error ? cause.message : t("notSaved") });
    }
  }

  return (
    <>
      <form className={styles.picker} onSubmit={(event) => void submit(event)}>
        <div className={`${ui.field} ${styles.field}`}>
          <label className={ui.label} htmlFor="weekA">
            {t("weekA")}
          </label>
          <select className={ui.input} id="weekA" name="weekA" defaultValue={weeks[0].monday}>
            {weeks.map((week) => (
              <option key={week.monday} value={week.monday}>
                {week.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={ui.button} disabled={alternate.isPending}>
          {t("regenerate")}
        </button>
      </form>
      {message?.ok ? (
        <p className={ui.success} role="status">
          {message.text}
        </p>
      ) : (
        <FormAlert message={message?.text ?? null} />
      )}
    </>
  );
}
