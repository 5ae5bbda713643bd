"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import styles from "../../timetable.module.css";

interface Props {
  schoolYearId: string;
  monday: string;
  /** the letter the week takes */
  pattern: "A" | "B";
  /** the week as the page names it, for screen readers and the error */
  week: string;
}

/** Makes one week a week A or a week B, the others staying as they are. */
export function WeekLetterButton({ schoolYearId, monday, pattern, week }: Props) {
  const t = useTranslations("timetable.schoolWeeks");
  const router = useRouter();
  const trpc = useTRPC();
  const set = useMutation(trpc.timetable.setSchoolWeek.mutationOptions());
  const [error, setError] = useState<string | null>(null);

  async function change() {
    setError(null);
    try {
      await set.mutateAsync({ schoolYearId, monday, pattern });
      router.refresh();
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : t("notSaved"));
    }
  }

  return (
    <>
      <button type="button" className={`${ui.button} ${ui.secondary} ${styles.compact}`} disabled={set.isPending} onClick={() => void change()}>
        {t("setTo", { letter: pattern })}
        <span className="visually-hidden"> ({week})</span>
      </button>
      {error ? (
        <span className={ui.alert} role="alert">
          {error}
        </span>
      ) : null}
    </>
  );
}
