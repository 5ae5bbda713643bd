"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/app/trpc/client";
import styles from "../cahier-de-textes/homework.module.css";

/** The pupil's own tick: saved at once, put back as it was when saving fails. */
export function DoneCheckbox({ homeworkId, done, subject }: { homeworkId: string; done: boolean; subject: string }) {
  const t = useTranslations("homework");
  const trpc = useTRPC();
  const setDone = useMutation(trpc.homework.setDone.mutationOptions());
  const [checked, setChecked] = useState(done);
  const [failed, setFailed] = useState(false);

  async function toggle(next: boolean) {
    setChecked(next);
    setFailed(false);
    try {
      await setDone.mutateAsync({ homeworkId, done: next });
    } catch {
      setChecked(!next);
      setFailed(true);
    }
  }

  return (
    <div className={styles.tick}>
      <label className={styles.tickLabel}>
        <input type="checkbox" checked={checked} onChange={(event) => void toggle(event.target.checked)} />
        <span>
          {t("done")}
          <span className="visually-hidden">{t("doneSubject", { subject })}</span>
        </span>
      </label>
      {failed ? (
        <p role="alert" className={styles.tickError}>
          {t("tickFailed")}
        </p>
      ) : null}
    </div>
  );
}
