"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import { RichTextEditor } from "@/app/components/RichTextEditor";
import { TextField } from "@/app/components/TextField";
import { FormAlert, useFormErrors } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import { isBlank, type RichDoc } from "@/server/rich-text/rich-text";

/** Where the assignment is set: a space, or one of the teaching groups the teacher teaches (chosen in the form). */
type Place = { spaceId: string } | { groups: { id: string; name: string }[] };

/**
 * A teacher sets an assignment in a space or for a group: a title, instructions and a due time (the pupil's local
 * time).
 */
export function CreateAssignmentForm({ place, homeworkId }: { place: Place; homeworkId: string | null }) {
  const t = useTranslations("handIns.create");
  const tAll = useTranslations();
  const router = useRouter();
  const trpc = useTRPC();
  const inSpace = useMutation(trpc.handIns.create.mutationOptions());
  const forGroup = useMutation(trpc.handIns.createForGroup.mutationOptions());
  const groupFieldId = useId();
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
      const fields = { title: String(form.get("title") ?? ""), instructions, dueAt: new Date(due), homeworkId };
      const { id } =
        "spaceId" in place
          ? await inSpace.mutateAsync({ spaceId: place.spaceId, ...fields })
          : await forGroup.mutateAsync({ groupId: String(form.get("groupId") ?? ""), ...fields });
      router.push(`/devoirs/${id}`);
    } catch (cause) {
      showFailure(cause, tAll("errors.internal"));
    }
  }

  return (
    <form className={`${ui.card} ${ui.stack}`} onSubmit={submit} noValidate>
      <h3>{"spaceId" in place ? t("title") : t("forGroupTitle")}</h3>
      {homeworkId ? <p className={ui.muted}>{t("forHomework")}</p> : null}
      <FormAlert message={error} />
      {"groups" in place ? (
        <div className={ui.field}>
          <label className={ui.label} htmlFor={groupFieldId}>
            {t("group")}
          </label>
          <select className={ui.input} id={groupFieldId} name="groupId">
            {place.groups.map((group) => (
              <option key={group.id} value={group.id}>
                {group.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <TextField name="title" label={t("name")} required maxLength={200} error={fieldErrors.title} />
      <div className={ui.field}>
        <span className={ui.label} id="assignment-instructions">
          {t("instructions")}
        </span>
        <RichTextEditor labelId="assignment-instructions" initial={null} onChange={setInstructions} error={fieldErrors.instructions} />
      </div>
      <TextField name="dueAt" type="datetime-local" label={t("dueAt")} required error={fieldErrors.dueAt} />
      <div>
        <button className={ui.button} type="submit" disabled={inSpace.isPending || forGroup.isPending}>
          {t("submit")}
        </button>
      </div>
    </form>
  );
}
