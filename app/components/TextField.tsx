import type { InputHTMLAttributes } from "react";
import ui from "./ui.module.css";

interface Props extends InputHTMLAttributes<HTMLInputElement> {
  name: string;
  /** The input's id, when the page shows the same form more than once; its name by default. */
  id?: string;
  label: string;
  hint?: string;
  error?: string;
}

/** A labelled input with its optional hint and error, tied together for screen readers. */
export function TextField({ name, id = name, label, hint, error, ...input }: Props) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={ui.field}>
      <label className={ui.label} htmlFor={id}>
        {label}
      </label>
      <input
        className={ui.input}
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
      />
      {hint ? (
        <p className={ui.hint} id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className={ui.fieldError} id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
