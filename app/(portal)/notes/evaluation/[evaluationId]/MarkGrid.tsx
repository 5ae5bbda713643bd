"use client";

import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { type KeyboardEvent, useRef, useState } from "react";
import { useTRPC } from "@/app/trpc/client";
import { formatMark, parseMarkInput } from "../../mark-input";
import styles from "../../notes.module.css";
import { Statistics, type StatisticsValue } from "./Statistics";

type Status = "graded" | "absent" | "exempted" | "not_handed_in" | "not_graded";

export interface GridPupil {
  id: string;
  name: string;
  status: Status | null;
  value: number | null;
  comment: string | null;
}

interface Row {
  mark: string;
  comment: string;
  state: "idle" | "saving" | "saved" | "error";
  error?: string;
}

const CODE_OF: Record<Exclude<Status, "graded">, string> = {
  absent: "abs",
  exempted: "disp",
  not_handed_in: "nr",
  not_graded: "nn",
};

const AUTOSAVE_DELAY_MS = 1200;

/** What a saved mark shows in its cell: the number, or the code the teacher would type. */
function markText(pupil: GridPupil, locale: string): string {
  if (pupil.status === "graded") return pupil.value == null ? "" : formatMark(pupil.value, locale);
  return pupil.status ? CODE_OF[pupil.status] : "";
}

/**
 * The marking grid: one row per pupil, typed from the keyboard (Enter or ↓ for the next pupil, ↑ for the previous),
 * each cell checked as it is typed and saved on its own shortly after, or when leaving it.
 */
export function MarkGrid(props: { evaluationId: string; outOf: number; pupils: GridPupil[]; statistics: StatisticsValue }) {
  const t = useTranslations("grades");
  const locale = useLocale();
  const trpc = useTRPC();
  const save = useMutation(trpc.grades.saveMarks.mutationOptions());
  const [statistics, setStatistics] = useState(props.statistics);
  const [announcement, setAnnouncement] = useState("");
  const [rows, setRows] = useState<Record<string, Row>>(() =>
    Object.fromEntries(
      props.pupils.map((p) => [
        p.id,
        {
          mark: markText(p, locale),
          comment: p.comment ?? "",
          state: "idle" as const,
        },
      ]),
    ),
  );
  const saved = useRef<Record<string, string>>({});
  const timers = useRef<Record<string, ReturnType<typeof setTimeout>>>({});
  const inputs = useRef<(HTMLInputElement | null)[]>([]);

  const update = (id: string, change: Partial<Row>) => setRows((all) => ({ ...all, [id]: { ...all[id], ...change } }));

  async function saveRow(id: string, row: Row, name: string) {
    clearTimeout(timers.current[id]);
    const parsed = parseMarkInput(row.mark, props.outOf);
    if ("error" in parsed) {
      update(id, { state: "error", error: t(`errors.${parsed.error}`) });
      return;
    }
    if (parsed.status === "empty") return;
    const fingerprint = JSON.stringify([parsed, row.comment]);
    if (saved.current[id] === fingerprint) return;
    update(id, { state: "saving", error: undefined });
    try {
      const entry = { studentId: id, comment: row.comment || null, ...parsed };
      setStatistics(await save.mutateAsync({ evaluationId: props.evaluationId, marks: [entry] }));
      saved.current[id] = fingerprint;
      update(id, { state: "saved" });
      setAnnouncement(`${name} : ${t("saved")}`);
    } catch (cause) {
      update(id, { state: "error", error: cause instanceof Error ? cause.message : t("notSaved") });
    }
  }

  function change(id: string, change: Partial<Row>, name: string) {
    const next = { ...rows[id], ...change, state: "idle" as const, error: undefined };
    const parsed = parseMarkInput(next.mark, props.outOf);
    setRows((all) => ({ ...all, [id]: "error" in parsed ? { ...next, state: "error", error: t(`errors.${parsed.error}`) } : next }));
    clearTimeout(timers.current[id]);
    if (!("error" in parsed)) timers.current[id] = setTimeout(() => void saveRow(id, next, name), AUTOSAVE_DELAY_MS);
  }

  function move(event: KeyboardEvent<HTMLInputElement>, index: number) {
    const step = event.key === "Enter" || event.key === "ArrowDown" ? 1 : event.key === "ArrowUp" ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    inputs.current[index + step]?.focus();
    inputs.current[index + step]?.select();
  }

  return (
    <>
      <Statistics value={statistics} />
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <div className={styles.tableWrap} role="group" tabIndex={0} aria-label={t("mark")}>
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">{t("pupil")}</th>
              <th scope="col">{t("mark")}</th>
              <th scope="col">{t("comment")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("saved")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.pupils.map((pupil, index) => {
              const row = rows[pupil.id];
              return (
                <tr key={pupil.id}>
                  <th scope="row">{pupil.name}</th>
                  <td>
                    <input
                      ref={(element) => {
                        inputs.current[index] = element;
                      }}
                      className={`${styles.gridInput}`}
                      aria-label={t("markFor", { name: pupil.name })}
                      aria-invalid={row.state === "error" ? true : undefined}
                      aria-describedby={row.error ? `error-${pupil.id}` : undefined}
                      inputMode="decimal"
                      autoComplete="off"
                      value={row.mark}
                      onChange={(event) => change(pupil.id, { mark: event.target.value }, pupil.name)}
                      onBlur={() => void saveRow(pupil.id, row, pupil.name)}
                      onKeyDown={(event) => move(event, index)}
                    />
                    {row.error ? (
                      <span className={styles.rowError} id={`error-${pupil.id}`}>
                        <br />
                        {row.error}
                      </span>
                    ) : null}
                  </td>
                  <td>
                    <input
                      aria-label={t("commentFor", { name: pupil.name })}
                      maxLength={500}
                      value={row.comment}
                      onChange={(event) => change(pupil.id, { comment: event.target.value }, pupil.name)}
                      onBlur={() => void saveRow(pupil.id, row, pupil.name)}
                    />
                  </td>
                  <td className={styles.rowStatus}>
                    {row.state === "saving" ? t("saving") : row.state === "saved" ? t("saved") : ""}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
