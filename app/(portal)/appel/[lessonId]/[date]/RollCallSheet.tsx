"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { FormAlert } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import type { SheetMark } from "@/server/attendance/roll-call";
import styles from "../../../absences/attendance.module.css";

type Status = "present" | "absent" | "late";

interface Pupil {
  id: string;
  name: string;
  mark: SheetMark;
}

interface Entry {
  status: Status;
  minutes: string;
}

const STATUSES: Status[] = ["present", "absent", "late"];
const DEFAULT_MINUTES = "5";

function entryOf(mark: SheetMark): Entry {
  if (mark.status === "late") return { status: "late", minutes: String(mark.minutesLate) };
  return { status: mark.status === "absent" ? "absent" : "present", minutes: DEFAULT_MINUTES };
}

/**
 * The roll call, made for a phone held in one hand: every pupil a big row with Présent / Absent / Retard (native
 * radio buttons, so arrows and screen readers work), everyone present until said otherwise, one Save at the bottom
 * of the screen. Pupils vie scolaire already reported absent are shown, not asked.
 */
export function RollCallSheet({ lessonId, plannedOn, pupils }: { lessonId: string; plannedOn: string; pupils: Pupil[] }) {
  const t = useTranslations("attendance.rollCall");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const trpc = useTRPC();
  const save = useMutation(trpc.attendance.saveRollCall.mutationOptions());
  const askable = pupils.filter((p) => p.mark.status !== "reported");
  const [entries, setEntries] = useState<Record<string, Entry>>(() =>
    Object.fromEntries(askable.map((p) => [p.id, entryOf(p.mark)])),
  );
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const set = (id: string, change: Partial<Entry>) => {
    setSaved(false);
    setEntries((all) => ({ ...all, [id]: { ...all[id], ...change } }));
  };
  const count = (status: Status) => Object.values(entries).filter((e) => e.status === status).length;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const marks = [];
    for (const pupil of askable) {
      const entry = entries[pupil.id];
      if (entry.status !== "late") {
        marks.push({ studentId: pupil.id, status: entry.status });
        continue;
      }
      const minutesLate = Number(entry.minutes);
      if (!Number.isInteger(minutesLate) || minutesLate < 1 || minutesLate > 240) {
        setError(t("minutesInvalid", { name: pupil.name }));
        document.getElementById(`minutes-${pupil.id}`)?.focus();
        return;
      }
      marks.push({ studentId: pupil.id, status: "late" as const, minutesLate });
    }
    try {
      await save.mutateAsync({ lessonId, plannedOn, marks });
      setSaved(true);
      router.refresh();
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : tErrors("internal"));
    }
  }

  return (
    <form className={styles.rollCall} onSubmit={submit} noValidate>
      <div className={styles.rollTools}>
        <p aria-live="polite">{t("summary", { absent: count("absent"), late: count("late") })}</p>
        <button
          type="button"
          className={`${ui.button} ${ui.secondary}`}
          onClick={() => {
            setSaved(false);
            setEntries((all) => Object.fromEntries(Object.keys(all).map((id) => [id, { status: "present", minutes: DEFAULT_MINUTES }])));
          }}
        >
          {t("allPresent")}
        </button>
      </div>
      <ul className={styles.pupils}>
        {pupils.map((pupil) => {
          const entry = entries[pupil.id];
          const nameId = `pupil-${pupil.id}`;
          if (!entry) {
            const kind = pupil.mark.status === "reported" ? pupil.mark.kind : "absence";
            return (
              <li key={pupil.id} className={styles.pupil}>
                <span className={styles.pupilName}>{pupil.name}</span>
                <span className={styles.reported}>
                  <strong>{kind === "late" ? t("reportedLate") : t("reported")}</strong> — {t("reportedHint")}
                </span>
              </li>
            );
          }
          return (
            <li key={pupil.id} className={styles.pupil} data-status={entry.status}>
              <span className={styles.pupilName} id={nameId}>
                {pupil.name}
              </span>
              <div role="radiogroup" aria-labelledby={nameId} className={styles.choices}>
                {STATUSES.map((status) => (
                  <span key={status} className={styles.choice}>
                    <input
                      type="radio"
                      id={`${status}-${pupil.id}`}
                      name={`mark-${pupil.id}`}
                      value={status}
                      checked={entry.status === status}
                      onChange={() => set(pupil.id, { status })}
                    />
                    <label htmlFor={`${status}-${pupil.id}`} className={styles[status]}>
                      {t(status)}
                    </label>
                  </span>
                ))}
              </div>
              {entry.status === "late" ? (
                <label className={styles.minutes}>
                  <span>{t("minutes")}</span>
                  <input
                    id={`minutes-${pupil.id}`}
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={240}
                    aria-label={t("minutesFor", { name: pupil.name })}
                    value={entry.minutes}
                    onChange={(event) => set(pupil.id, { minutes: event.target.value })}
                  />
                </label>
              ) : null}
            </li>
          );
        })}
      </ul>
      <div className={styles.saveBar}>
        <FormAlert message={error} />
        {saved ? (
          <p className={ui.success} role="status">
            {t("saved")}
          </p>
        ) : null}
        <button className={ui.button} type="submit" disabled={save.isPending}>
          {save.isPending ? t("saving") : t("save")}
        </button>
      </div>
    </form>
  );
}
