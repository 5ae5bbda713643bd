"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { RichText } from "@/app/components/RichText";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import type { Session } from "@/server/homework/next-sessions";
import type { RichDoc } from "@/server/rich-text/rich-text";
import { formatDay } from "../../days";
import styles from "../../homework.module.css";
import { HomeworkForm } from "./HomeworkForm";

interface Given {
  id: string;
  dueOn: string;
  instructions: RichDoc;
  estimatedMinutes: number | null;
  handIn: boolean;
  doneCount: number;
  /** The assignment to hand in set for it, once there is one. */
  assignmentId: string | null;
  canEdit: boolean;
}

interface Props {
  homework: Given[];
  pupilCount: number;
  sessions: Session[];
  lessonDay: string;
}

/**
 * The homework given in this lesson: due date, instructions, how many pupils ticked it done, its assignment to hand in
 * (or the way to set one); changed or removed.
 */
export function GivenHomework({ homework, pupilCount, sessions, lessonDay }: Props) {
  const t = useTranslations("homework");
  const tHandIns = useTranslations("handIns.links");
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const update = useMutation(trpc.homework.update.mutationOptions());
  const remove = useMutation(trpc.homework.remove.mutationOptions());
  const [editing, setEditing] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  async function changed() {
    await queryClient.invalidateQueries({ queryKey: trpc.homework.workload.pathKey() });
    router.refresh();
  }

  async function removeOne(id: string) {
    if (!window.confirm(t("occurrence.removeConfirm"))) return;
    setFailed(null);
    try {
      await remove.mutateAsync({ homeworkId: id });
      await changed();
    } catch (cause) {
      setFailed(cause instanceof Error ? cause.message : t("errors.saveFailed"));
    }
  }

  if (homework.length === 0) return <p className={ui.muted}>{t("occurrence.noneGiven")}</p>;
  return (
    <>
      {failed ? (
        <p className={ui.alert} role="alert">
          {failed}
        </p>
      ) : null}
      <ul className={styles.items}>
        {homework.map((h) => (
          <li key={h.id} className={styles.item}>
            {editing === h.id ? (
              <HomeworkForm
                sessions={sessions}
                lessonDay={lessonDay}
                initial={h}
                submitLabel={t("form.save")}
                pendingLabel={t("saving")}
                onCancel={() => setEditing(null)}
                onSubmit={async (values) => {
                  await update.mutateAsync({ homeworkId: h.id, ...values });
                  setEditing(null);
                  await changed();
                }}
              />
            ) : (
              <>
                <div className={styles.itemHead}>
                  <h3 className={styles.subject}>{t("dueOn", { day: formatDay(h.dueOn, locale) })}</h3>
                  <ul className={ui.chips} aria-label={t("details")}>
                    {h.estimatedMinutes ? <li className={styles.chipQuiet}>{t("minutes", { minutes: h.estimatedMinutes })}</li> : null}
                    {h.handIn ? <li className={styles.chipHandIn}>{t("handIn")}</li> : null}
                  </ul>
                </div>
                <RichText doc={h.instructions} />
                {h.handIn && h.canEdit ? (
                  <p>
                    {h.assignmentId ? (
                      <Link href={`/devoirs/${h.assignmentId}`}>{tHandIns("seeOnline")}</Link>
                    ) : (
                      <Link href={`/devoirs/depuis-travail/${h.id}`}>{tHandIns("setOnline")}</Link>
                    )}
                  </p>
                ) : null}
                <p className={ui.muted}>{t("occurrence.doneCount", { done: h.doneCount, pupils: pupilCount })}</p>
                {h.canEdit ? (
                  <div className={styles.formActions}>
                    <button type="button" className={`${ui.button} ${ui.secondary}`} onClick={() => setEditing(h.id)}>
                      {t("occurrence.edit")}
                      <span className="visually-hidden"> {t("dueOn", { day: formatDay(h.dueOn, locale) })}</span>
                    </button>
                    <button type="button" className={`${ui.button} ${ui.secondary}`} onClick={() => void removeOne(h.id)}>
                      {t("occurrence.remove")}
                      <span className="visually-hidden"> {t("dueOn", { day: formatDay(h.dueOn, locale) })}</span>
                    </button>
                  </div>
                ) : null}
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
