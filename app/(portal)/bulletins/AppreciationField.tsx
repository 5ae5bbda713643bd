"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { APPRECIATION_MAX_LENGTH } from "@/server/report-cards/limits";
import styles from "./bulletins.module.css";

interface Props {
  id: string;
  label: string;
  initial: string;
  /** Validated or published: shown, not editable. */
  locked: boolean;
  lockedHint?: string;
  save: (text: string) => Promise<unknown>;
}

const AUTOSAVE_DELAY_MS = 1200;

/**
 * An appréciation typed in a textarea and saved on its own: shortly after the teacher stops typing, and when they
 * leave the field. The remaining characters and the saving state are shown beside it.
 */
export function AppreciationField({ id, label, initial, locked, lockedHint, save }: Props) {
  const t = useTranslations("reportCards");
  const [text, setText] = useState(initial);
  const [state, setState] = useState<"idle" | "saving" | "saved" | "error">("idle");
  const [error, setError] = useState<string>();
  const saved = useRef(initial.trim());
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function flush(value: string) {
    clearTimeout(timer.current);
    if (value.trim() === saved.current) return;
    setState("saving");
    setError(undefined);
    try {
      await save(value);
      saved.current = value.trim();
      setState("saved");
    } catch (cause) {
      setState("error");
      setError(cause instanceof Error ? cause.message : t("notSaved"));
    }
  }

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={styles.field}>
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <textarea
        id={id}
        className={styles.textarea}
        value={text}
        maxLength={APPRECIATION_MAX_LENGTH}
        readOnly={locked}
        rows={3}
        aria-describedby={[hintId, error ? errorId : null].filter(Boolean).join(" ")}
        aria-invalid={state === "error" ? true : undefined}
        onChange={(event) => {
          const value = event.target.value;
          setText(value);
          setState("idle");
          clearTimeout(timer.current);
          timer.current = setTimeout(() => void flush(value), AUTOSAVE_DELAY_MS);
        }}
        onBlur={() => void flush(text)}
      />
      <div className={styles.fieldFoot}>
        <span id={hintId}>
          {locked ? lockedHint ?? t("locked") : t("charactersLeft", { count: APPRECIATION_MAX_LENGTH - text.length })}
        </span>
        <span role="status">{state === "saving" ? t("saving") : state === "saved" ? t("saved") : ""}</span>
      </div>
      {error ? (
        <p className={styles.fieldError} id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
