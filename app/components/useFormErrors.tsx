"use client";

import { TRPCClientError } from "@trpc/client";
import { useState } from "react";
import ui from "./ui.module.css";

/**
 * A form's errors: translated messages per field (from the server's validation, or set by the form itself) and one
 * message for the whole form.
 */
export function useFormErrors<Field extends string>() {
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<string | null>(null);

  function reset() {
    setFieldErrors({});
    setError(null);
  }

  /**
   * Shows what a failed procedure call said: its field messages when it has some, else its translated message. A
   * failure the server did not explain (the network, a refusal before any procedure) shows `fallback` rather than a
   * technical message.
   */
  function showFailure(cause: unknown, fallback: string) {
    const explained = cause instanceof TRPCClientError && cause.shape ? cause : null;
    const data = explained?.data as { fieldErrors?: Record<Field, string> } | null | undefined;
    if (data?.fieldErrors) setFieldErrors(data.fieldErrors);
    else setError(explained ? explained.message : fallback);
  }

  return { fieldErrors, setFieldErrors, error, setError, reset, showFailure };
}

/** The message for the whole form, announced to screen readers. */
export function FormAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className={ui.alert} role="alert">
      {message}
    </p>
  );
}
