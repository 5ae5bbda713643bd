"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { FormAlert } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import styles from "../admin.module.css";
import { downloadBase64 } from "../download";

const STAFF = "staff";

/** Chooses a class (or the staff) and downloads its letters, with new codes, as one PDF to print. */
export function LettersForm({ classes }: { classes: { id: string; name: string }[] }) {
  const t = useTranslations("admin.letters");
  const trpc = useTRPC();
  const print = useMutation(trpc.admin.printLetters.mutationOptions());
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const choice = String(new FormData(event.currentTarget).get("audience"));
    setStatus(null);
    setError(null);
    try {
      const letters = await print.mutateAsync(choice === STAFF ? { staff: true } : { classId: choice });
      if (!letters) return setStatus(t("none"));
      downloadBase64(letters.pdf, letters.fileName, "application/pdf");
      setStatus(t("printed", { count: letters.count }));
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    }
  }

  return (
    <form className={ui.stack} onSubmit={submit}>
      <div className={styles.row}>
        <div className={ui.field}>
          <label className={ui.label} htmlFor="audience">
            {t("class")}
          </label>
          <select className={ui.input} id="audience" name="audience">
            {classes.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
            <option value={STAFF}>{t("staffOption")}</option>
          </select>
        </div>
        <button type="submit" className={ui.button} disabled={print.isPending}>
          {print.isPending ? t("printing") : t("print")}
        </button>
      </div>
      <FormAlert message={error} />
      {status ? (
        <p className={ui.success} role="status">
          {status}
        </p>
      ) : null}
    </form>
  );
}
