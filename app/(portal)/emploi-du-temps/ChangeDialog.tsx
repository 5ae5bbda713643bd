"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { TextField } from "@/app/components/TextField";
import { FormAlert, useFormErrors } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import type { Occurrence } from "@/server/timetable/occurrences";
import { Dialog } from "./Dialog";
import { occurrenceTitle } from "./occurrence-title";
import styles from "./timetable.module.css";

type Field = "movedToDate" | "movedStartsAt" | "movedEndsAt" | "note";

/** Vie scolaire and direction change one occurrence: cancel it, give it to a substitute, move it, and so on. */
export function ChangeDialog({ occurrence, onClose }: { occurrence: Occurrence; onClose: () => void }) {
  const t = useTranslations();
  const format = useFormatter();
  const router = useRouter();
  const trpc = useTRPC();
  const references = useQuery(trpc.timetable.references.queryOptions());
  const change = useMutation(trpc.timetable.changeOccurrence.mutationOptions());
  const restore = useMutation(trpc.timetable.restoreOccurrence.mutationOptions());
  const { fieldErrors, error, reset, showFailure } = useFormErrors<Field>();
  const current = occurrence.change;
  const key = { lessonId: occurrence.lessonId, plannedOn: occurrence.plannedOn };

  async function done(call: () => Promise<unknown>) {
    reset();
    try {
      await call();
      router.refresh();
      onClose();
    } catch (cause) {
      showFailure(cause, t("errors.internal"));
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim() || null;
    void done(() =>
      change.mutateAsync({
        ...key,
        cancelled: form.get("cancelled") === "on",
        substituteTeacherId: text("substituteTeacherId"),
        movedToDate: text("movedToDate"),
        movedStartsAt: text("movedStartsAt"),
        movedEndsAt: text("movedEndsAt"),
        movedRoomId: text("movedRoomId"),
        remote: form.get("remote") === "on",
        exam: form.get("exam") === "on",
        note: text("note"),
      }),
    );
  }

  const moved = current?.moved ?? false;
  const pending = change.isPending || restore.isPending;
  return (
    <Dialog title={occurrenceTitle(occurrence, format)} onClose={onClose}>
      <form className={ui.stack} onSubmit={submit} noValidate>
        <FormAlert message={error} />
        <label className={ui.checkbox}>
          <input type="checkbox" name="cancelled" defaultChecked={current?.cancelled} />
          <span>{t("timetable.change.cancel")}</span>
        </label>
        <div className={ui.field}>
          <label className={ui.label} htmlFor="substituteTeacherId">
            {t("timetable.change.substitute")}
          </label>
          <select className={ui.input} id="substituteTeacherId" name="substituteTeacherId" defaultValue={current?.substitute?.id ?? ""}>
            <option value="">{t("timetable.change.noSubstitute")}</option>
            {references.data?.teachers.map((teacher) => (
              <option key={teacher.id} value={teacher.id}>
                {teacher.lastName} {teacher.firstName}
              </option>
            ))}
          </select>
        </div>
        <fieldset className={`${ui.stack} ${styles.fieldset}`}>
          <legend className={ui.label}>{t("timetable.change.moveTo")}</legend>
          <p className={ui.hint}>{t("timetable.change.moveHint")}</p>
          <div className={styles.formGrid}>
            <TextField name="movedToDate" type="date" label={t("timetable.change.date")} defaultValue={moved ? occurrence.on : ""} error={fieldErrors.movedToDate} />
            <TextField name="movedStartsAt" type="time" label={t("timetable.fields.startsAt")} defaultValue={moved ? occurrence.startsAt : ""} error={fieldErrors.movedStartsAt} />
            <TextField name="movedEndsAt" type="time" label={t("timetable.fields.endsAt")} defaultValue={moved ? occurrence.endsAt : ""} error={fieldErrors.movedEndsAt} />
          </div>
        </fieldset>
        <div className={ui.field}>
          <label className={ui.label} htmlFor="movedRoomId">
            {t("timetable.change.room")}
          </label>
          <select className={ui.input} id="movedRoomId" name="movedRoomId" defaultValue={current?.roomChanged ? (occurrence.room?.id ?? "") : ""}>
            <option value="">{t("timetable.change.plannedRoom")}</option>
            {references.data?.rooms.map((room) => (
              <option key={room.id} value={room.id}>
                {room.name}
              </option>
            ))}
          </select>
        </div>
        <AnnotationFields occurrence={occurrence} noteError={fieldErrors.note} />
        <div className={styles.actions}>
          {current ? (
            <button type="button" className={`${ui.button} ${ui.secondary}`} disabled={pending} onClick={() => void done(() => restore.mutateAsync(key))}>
              {t("timetable.change.restore")}
            </button>
          ) : null}
          <button type="button" className={`${ui.button} ${ui.secondary}`} onClick={onClose}>
            {t("timetable.change.close")}
          </button>
          <button type="submit" className={ui.button} disabled={pending}>
            {pending ? t("timetable.change.saving") : t("timetable.change.save")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Remote, exam and note: what the lesson's own teacher may set too. */
export function AnnotationFields({ occurrence, noteError }: { occurrence: Occurrence; noteError?: string }) {
  const t = useTranslations("timetable");
  return (
    <>
      <label className={ui.checkbox}>
        <input type="checkbox" name="remote" defaultChecked={occurrence.change?.remote} />
        <span>{t("changes.remote")}</span>
      </label>
      <label className={ui.checkbox}>
        <input type="checkbox" name="exam" defaultChecked={occurrence.change?.exam} />
        <span>{t("changes.exam")}</span>
      </label>
      <TextField name="note" label={t("change.note")} hint={t("change.noteHint")} maxLength={300} defaultValue={occurrence.change?.note ?? ""} error={noteError} />
    </>
  );
}
