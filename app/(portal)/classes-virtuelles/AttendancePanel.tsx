"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { FormAlert } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import styles from "./virtual-classes.module.css";

type Status = "present" | "absent" | "late";
const STATUSES: Status[] = ["present", "absent", "late"];

/**
 * The attendance LiveKit's webhooks recorded, with the mark each pupil's presence suggests; the teacher corrects
 * what needs it and confirms. For a remote lesson the marks become the lesson's roll call.
 */
export function AttendancePanel({ id, rollCall, confirmedAt }: { id: string; rollCall: boolean; confirmedAt: Date | null }) {
  const t = useTranslations("virtualClasses.attendance");
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const { data: pupils } = useQuery(trpc.virtualClasses.attendance.queryOptions({ id }));
  const confirm = useMutation(trpc.virtualClasses.confirmAttendance.mutationOptions());
  const [edits, setEdits] = useState<Record<string, { status: Status; minutes: number }>>({});
  const [error, setError] = useState<string | null>(null);
  if (!pupils) return null;
  const entryOf = (pupil: (typeof pupils)[number]) =>
    edits[pupil.id] ?? { status: pupil.proposed.status, minutes: pupil.proposed.status === "late" ? pupil.proposed.minutesLate : 5 };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const marks = pupils!.map((pupil) => {
      const entry = entryOf(pupil);
      return entry.status === "late"
        ? { studentId: pupil.id, status: "late" as const, minutesLate: entry.minutes }
        : { studentId: pupil.id, status: entry.status };
    });
    try {
      await confirm.mutateAsync({ id, marks });
      router.refresh();
    } catch (cause) {
      setError((cause as Error).message);
    }
  }

  return (
    <form className={`${ui.card} ${ui.stack}`} onSubmit={submit} aria-labelledby="attendance-title">
      <h2 id="attendance-title">{t("title")}</h2>
      <p className={ui.muted}>{rollCall ? t("hint") : t("scheduledHint")}</p>
      {confirmedAt ? <p className={ui.success}>{t("confirmedAt", { at: confirmedAt })}</p> : null}
      <FormAlert message={error} />
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">{t("pupil")}</th>
            <th scope="col">{t("minutes")}</th>
            <th scope="col">{t("mark")}</th>
          </tr>
        </thead>
        <tbody>
          {pupils.map((pupil) => {
            const entry = entryOf(pupil);
            const name = `${pupil.firstName} ${pupil.lastName}`;
            const set = (change: Partial<typeof entry>) => setEdits({ ...edits, [pupil.id]: { ...entry, ...change } });
            return (
              <tr key={pupil.id}>
                <th scope="row">{name}</th>
                <td>{t("minutesValue", { count: format.number(pupil.minutesPresent) })}</td>
                <td>
                  <select aria-label={`${t("mark")} · ${name}`} className={ui.input} value={entry.status} onChange={(e) => set({ status: e.target.value as Status })}>
                    {STATUSES.map((status) => (
                      <option key={status} value={status}>
                        {t(`statuses.${status}`)}
                      </option>
                    ))}
                  </select>
                  {entry.status === "late" ? (
                    <input type="number" min={1} max={240} className={`${ui.input} ${styles.minutes}`} aria-label={t("minutesLate", { name })}
                      value={entry.minutes} onChange={(e) => set({ minutes: Number(e.target.value) })} />
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p>
        <button type="submit" className={ui.button} disabled={confirm.isPending}>
          {t("confirm")}
        </button>
      </p>
    </form>
  );
}
