"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { RichTextEditor } from "@/app/components/RichTextEditor";
import { FormAlert, useFormErrors } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import type { RichDoc } from "@/server/rich-text/rich-text";
import styles from "../../homework.module.css";

interface Props {
  lessonId: string;
  plannedOn: string;
  initial: RichDoc | null;
  savedAt: Date | null;
}

/** What was done in the lesson, written and saved by its teacher; an emptied entry is removed. */
export function LogEditor({ lessonId, plannedOn, initial, savedAt }: Props) {
  const t = useTranslations("homework");
  const trpc = useTRPC();
  const save = useMutation(trpc.homework.saveLog.mutationOptions());
  const { fieldErrors, error, reset, showFailure } = useFormErrors<"content">();
  const [content, setContent] = useState<RichDoc | null>(initial);
  const [dirty, setDirty] = useState(false);
  const [lastSaved, setLastSaved] = useState<Date | null>(savedAt);

  async function submit() {
    reset();
    try {
      const result = await save.mutateAsync({ lessonId, plannedOn, content: content ?? { type: "doc", content: [] } });
      setLastSaved(result.updatedAt ?? null);
      setDirty(false);
    } catch (cause) {
      showFailure(cause, t("errors.saveFailed"));
    }
  }

  return (
    <div className={ui.stack}>
      <FormAlert message={error} />
      <RichTextEditor
        labelId="log-title"
        initial={initial}
        hint={t("editor.hint")}
        error={fieldErrors.content}
        onChange={(doc) => {
          setContent(doc);
          setDirty(true);
        }}
      />
      <div className={styles.formActions}>
        <button type="button" className={ui.button} onClick={() => void submit()} disabled={save.isPending}>
          {save.isPending ? t("saving") : t("occurrence.saveLog")}
        </button>
        <p className={ui.muted} role="status">
          {dirty ? t("unsaved") : lastSaved ? t("savedAt", { time: lastSaved }) : null}
        </p>
      </div>
    </div>
  );
}
