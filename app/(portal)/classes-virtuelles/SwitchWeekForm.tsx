"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { TextField } from "@/app/components/TextField";
import { FormAlert } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import styles from "./virtual-classes.module.css";

/** Continuité pédagogique in one click: a class's week of lessons moves online. */
export function SwitchWeekForm({ classes, today }: { classes: { id: string; name: string }[]; today: string }) {
  const t = useTranslations("virtualClasses.switchWeek");
  const trpc = useTRPC();
  const router = useRouter();
  const switchWeek = useMutation(trpc.virtualClasses.switchWeek.mutationOptions());
  const [switched, setSwitched] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setSwitched(null);
    const form = new FormData(event.currentTarget);
    try {
      const result = await switchWeek.mutateAsync({ classId: String(form.get("classId")), week: String(form.get("week")) });
      setSwitched(result.switched);
      router.refresh();
    } catch (cause) {
      setError((cause as Error).message);
    }
  }

  return (
    <form className={`${ui.card} ${ui.stack}`} onSubmit={submit} aria-labelledby="switch-title">
      <h2 id="switch-title">{t("title")}</h2>
      <p className={ui.muted}>{t("hint")}</p>
      <FormAlert message={error} />
      <div className={styles.row}>
        <div className={ui.field}>
          <label className={ui.label} htmlFor="switch-class">
            {t("class")}
          </label>
          <select id="switch-class" name="classId" className={ui.input} required>
            {classes.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <TextField name="week" type="date" label={t("week")} required defaultValue={today} />
      </div>
      <p>
        <button type="submit" className={ui.button} disabled={switchWeek.isPending}>
          {t("submit")}
        </button>
      </p>
      <p role="status" className={ui.muted}>
        {switched !== null ? t("done", { count: switched }) : null}
      </p>
    </form>
  );
}
