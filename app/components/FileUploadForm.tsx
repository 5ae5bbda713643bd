"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, type ReactNode, useId, useState } from "react";
import { FormAlert, useFormErrors } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { base64Of } from "./base64";

interface Props {
  /** The file field's label. */
  label: string;
  /** A heading, for a form that stands in its own card; none for a form inline in a list. */
  heading?: string;
  /** Sends the chosen file (its bytes in base64) with the form's other fields; the server checks its size and type. */
  send: (file: { name: string; content: string }, form: FormData) => Promise<unknown>;
  /** Fields sent with the file (e.g. sharing with families). */
  children?: ReactNode;
}

/**
 * The one form that uploads a file: to a space's or one's own folder, to a hand-in, as a corrected copy. It checks a
 * file was chosen, shows the server's translated refusal (too large, type not accepted), then refreshes the page.
 */
export function FileUploadForm({ label, heading, send, children }: Props) {
  const t = useTranslations("files.upload");
  const tAll = useTranslations();
  const router = useRouter();
  const { fieldErrors, setFieldErrors, error, reset, showFailure } = useFormErrors<"file">();
  const [sending, setSending] = useState(false);
  const id = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return setFieldErrors({ file: t("chooseFile") });
    setSending(true);
    try {
      await send({ name: file.name, content: await base64Of(file) }, form);
      formElement.reset();
      router.refresh();
    } catch (cause) {
      showFailure(cause, tAll("errors.internal"));
    } finally {
      setSending(false);
    }
  }

  return (
    <form className={heading ? `${ui.card} ${ui.stack}` : ui.stack} onSubmit={submit} noValidate>
      {heading ? <h3>{heading}</h3> : null}
      <FormAlert message={error} />
      <div className={ui.field}>
        <label className={ui.label} htmlFor={id}>
          {label}
        </label>
        <input
          className={ui.input}
          id={id}
          name="file"
          type="file"
          aria-invalid={fieldErrors.file ? true : undefined}
          aria-describedby={fieldErrors.file ? `${id}-error` : undefined}
        />
        {fieldErrors.file ? (
          <p className={ui.fieldError} id={`${id}-error`}>
            {fieldErrors.file}
          </p>
        ) : null}
      </div>
      {children}
      <div>
        <button className={heading ? ui.button : `${ui.button} ${ui.secondary}`} type="submit" disabled={sending}>
          {sending ? t("sending") : t("send")}
        </button>
      </div>
    </form>
  );
}
