"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { RichTextEditor } from "@/app/components/RichTextEditor";
import { TextField } from "@/app/components/TextField";
import { FormAlert, useFormErrors } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import { isBlank, type RichDoc } from "@/server/rich-text/rich-text";

/** A teacher sets an assignment in the space: a title, instructions and a due time (the pupil's local time). */
export function CreateAssignmentForm({ spaceId, homeworkId }: { spaceId: string; homeworkId: string | null }) {
  const t = useTranslations("handIns.create");
  const tAll = useTranslations();
  const router = useRouter();
  const trpc = useTRPC();
  const create = useMutation(trpc.handIns.create.mutationOptions());
  const { fieldErrors, setFieldErrors, error, reset, showFailure } = useFormErrors<"title" | "instructions" | "dueAt">();
  const [instructions, setInstructions] = useState<RichDoc | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset();
    const form = new FormData(event.currentTarget);
    const due = String(form.get("dueAt") ?? "");
    if (!instructions || isBlank(instructions)) return setFieldErrors({ instructions: t("instructionsRequired") });
    if (!due) return setFieldErrors({ dueAt: t("dueRequired") });
    try {
      const { id } = await create.mutateAsync({ spaceId, title: String(form.get("title") ?? ""), instructions, dueAt: new Date(due), homeworkId });
      router.push(`/devoirs/${id}`);
    } catch (cause) {
      showFailure(cause, tAll("errors.internal"));
    }
  }

  return (
    <form className={`${ui.card} ${ui.stack}`} onSubmit={submit} noValidate>
      <h3>{t("title")}</h3>
      {homeworkId ? <p className={ui.muted}>{t("forHomework")}</p> : null}
      <FormAlert message={error} />
      <TextField name="title" label={t("name")} required maxLength={200} error={fieldErrors.title} />
      <div className={ui.field}>
        <span className={ui.label} id="assignment-instructions">
          {t("instructions")}
        </span>
        <RichTextEditor labelId="assignment-instructions" initial={null} onChange={setInstructions} error={fieldErrors.instructions} />
      </div>
      <TextField name="dueAt" type="datetime-local" label={t("dueAt")} required error={fieldErrors.dueAt} />
      <div>
        <button className={ui.button} type="submit" disabled={create.isPending}>
          {t("submit")}
        </button>
      </div>
    </form>
  );
}
