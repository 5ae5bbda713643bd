"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { FormAlert } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";

type Permissions = { microphone: boolean; camera: boolean; screenShare: boolean };
const KINDS = ["microphone", "camera", "screenShare"] as const;

/** What pupils may publish, set by the teacher before or during the class: it applies at once to those in the room. */
export function PupilPermissions({ id, initial }: { id: string; initial: Permissions }) {
  const t = useTranslations("virtualClasses.controls");
  const trpc = useTRPC();
  const save = useMutation(trpc.virtualClasses.setPermissions.mutationOptions());
  const [pupils, setPupils] = useState(initial);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await save.mutateAsync({ id, pupils });
      setSaved(true);
    } catch (cause) {
      setError((cause as Error).message);
    }
  }

  return (
    <form className={ui.card} onSubmit={submit} aria-labelledby="permissions-title">
      <h2 id="permissions-title">{t("title")}</h2>
      <FormAlert message={error} />
      {KINDS.map((kind) => (
        <label key={kind} className={ui.checkbox}>
          <input type="checkbox" checked={pupils[kind]} onChange={(e) => (setSaved(false), setPupils({ ...pupils, [kind]: e.target.checked }))} />
          {t(kind)}
        </label>
      ))}
      <p>
        <button type="submit" className={ui.button} disabled={save.isPending}>
          {t("save")}
        </button>
      </p>
      <p role="status" className={ui.muted}>
        {saved ? t("saved") : null}
      </p>
    </form>
  );
}
