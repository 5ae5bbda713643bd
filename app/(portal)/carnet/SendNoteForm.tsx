"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { FormAlert, useFormErrors } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";

/** A teacher or staff member writes a note to the families of one of their classes. */
export function SendNoteForm({ classes }: { classes: { id: string; name: string }[] }) {
  const t = useTranslations("messaging.carnet");
  const tAll = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const send = useMutation(trpc.messaging.carnet.sendToClass.mutationOptions());
  const { fieldErrors, error, reset, showFailure } = useFormErrors<"title" | "body">();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    try {
      await send.mutateAsync({ classId: String(form.get("classId")), title: String(form.get("title") ?? ""), body: String(form.get("body") ?? "") });
      formElement.reset();
      router.refresh();
    } catch (cause) {
      showFailure(cause, tAll("errors.internal"));
    }
  }

  if (classes.length === 0) return null;
  return (
    <form className={`${ui.card} ${ui.stack}`} onSubmit={submit} noValidate aria-labelledby="carnet-new">
      <h2 id="carnet-new">{t("new")}</h2>
      <FormAlert message={error} />
      <div className={ui.field}>
        <label className={ui.label} htmlFor="carnet-class">
          {t("class")}
        </label>
        <select className={ui.input} id="carnet-class" name="classId">
          {classes.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div className={ui.field}>
        <label className={ui.label} htmlFor="carnet-title">
          {t("noteTitle")}
        </label>
        <input className={ui.input} id="carnet-title" name="title" required maxLength={200} aria-invalid={fieldErrors.title ? true : undefined} />
        {fieldErrors.title ? <p className={ui.fieldError}>{fieldErrors.title}</p> : null}
      </div>
      <div className={ui.field}>
        <label className={ui.label} htmlFor="carnet-body">
          {t("noteBody")}
        </label>
        <textarea className={ui.input} id="carnet-body" name="body" rows={5} required maxLength={5000} aria-invalid={fieldErrors.body ? true : undefined} />
        {fieldErrors.body ? <p className={ui.fieldError}>{fieldErrors.body}</p> : null}
      </div>
      <p>
        <button className={ui.button} type="submit" disabled={send.isPending}>
          {t("send")}
        </button>
      </p>
    </form>
  );
}
