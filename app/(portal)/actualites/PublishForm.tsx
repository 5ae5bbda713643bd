"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { ProfileChoices, profilesOf } from "@/app/components/ProfileChoices";
import { FormAlert, useFormErrors } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import styles from "../messagerie/messaging.module.css";

/** Publishes an announcement to the school (staff) or to some classes, maybe to some profiles only, between two dates. */
export function PublishForm({ classes, wholeSchool }: { classes: { id: string; name: string }[]; wholeSchool: boolean }) {
  const t = useTranslations("news.publish");
  const tAll = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const publish = useMutation(trpc.news.publish.mutationOptions());
  const { fieldErrors, error, reset, showFailure } = useFormErrors<"title" | "body">();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const date = (name: string) => {
      const value = String(form.get(name) ?? "");
      return value ? new Date(`${value}T00:00:00`) : undefined;
    };
    try {
      await publish.mutateAsync({
        title: String(form.get("title") ?? ""),
        body: String(form.get("body") ?? ""),
        classIds: form.getAll("classIds").map(String),
        roles: profilesOf(form),
        pinned: form.get("pinned") === "on",
        publishAt: date("publishAt"),
        expiresAt: date("expiresAt") ?? null,
      });
      formElement.reset();
      router.refresh();
    } catch (cause) {
      showFailure(cause, tAll("errors.internal"));
    }
  }

  return (
    <form className={`${ui.card} ${ui.stack}`} onSubmit={submit} noValidate aria-labelledby="news-new">
      <h2 id="news-new">{t("title")}</h2>
      <FormAlert message={error} />
      <div className={ui.field}>
        <label className={ui.label} htmlFor="news-title">
          {t("headline")}
        </label>
        <input className={ui.input} id="news-title" name="title" required maxLength={200} aria-invalid={fieldErrors.title ? true : undefined} />
        {fieldErrors.title ? <p className={ui.fieldError}>{fieldErrors.title}</p> : null}
      </div>
      <div className={ui.field}>
        <label className={ui.label} htmlFor="news-body">
          {t("body")}
        </label>
        <textarea className={ui.input} id="news-body" name="body" rows={5} required maxLength={10_000} aria-invalid={fieldErrors.body ? true : undefined} />
        {fieldErrors.body ? <p className={ui.fieldError}>{fieldErrors.body}</p> : null}
      </div>
      <fieldset className={styles.fieldset}>
        <legend>{t("classes")}</legend>
        <p className={ui.hint}>{wholeSchool ? t("classesHint") : t("classesRequired")}</p>
        <div className={styles.options}>
          {classes.map((c) => (
            <label key={c.id} className={ui.checkbox}>
              <input type="checkbox" name="classIds" value={c.id} /> {c.name}
            </label>
          ))}
        </div>
      </fieldset>
      <ProfileChoices className={styles.fieldset} legend={t("profiles")} hint={t("profilesHint")} />
      <div className={styles.options}>
        <div className={ui.field}>
          <label className={ui.label} htmlFor="news-from">
            {t("publishAt")}
          </label>
          <input className={ui.input} id="news-from" name="publishAt" type="date" />
        </div>
        <div className={ui.field}>
          <label className={ui.label} htmlFor="news-until">
            {t("expiresAt")}
          </label>
          <input className={ui.input} id="news-until" name="expiresAt" type="date" />
        </div>
      </div>
      <label className={ui.checkbox}>
        <input type="checkbox" name="pinned" /> {t("pinned")}
      </label>
      <p>
        <button className={ui.button} type="submit" disabled={publish.isPending}>
          {t("submit")}
        </button>
      </p>
    </form>
  );
}
