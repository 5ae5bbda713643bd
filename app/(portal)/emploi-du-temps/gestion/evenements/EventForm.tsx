"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useRef, useState } from "react";
import { ProfileChoices, profilesOf } from "@/app/components/ProfileChoices";
import { TextField } from "@/app/components/TextField";
import { FormAlert, useFormErrors } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import styles from "../../timetable.module.css";
import type { References } from "../LessonsTable";

const KINDS = ["outing", "detention", "meeting", "exam", "holiday", "other"] as const;
type Field = "title" | "location" | "startsOn" | "startsAt" | "endsOn" | "endsAt";

/**
 * A non-lesson event: for the whole establishment (holidays, a bank holiday), or for classes, groups and persons (an
 * outing, a pupil's detention, a meeting), maybe narrowed to some profiles (a teachers' meeting). A pupil's detention
 * reaches only them and those who may see their week.
 */
export function EventForm({ refs, today }: { refs: References; today: string }) {
  const t = useTranslations();
  const router = useRouter();
  const trpc = useTRPC();
  const create = useMutation(trpc.timetable.createEvent.mutationOptions());
  const { fieldErrors, error, reset, showFailure } = useFormErrors<Field>();
  const [whole, setWhole] = useState(false);
  const [rosterClass, setRosterClass] = useState("");
  const roster = useQuery({ ...trpc.directory.classRoster.queryOptions({ classId: rosterClass }), enabled: rosterClass !== "" });
  const [saved, setSaved] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const ids = (name: string) => form.getAll(name).map(String);
    reset();
    setSaved(false);
    try {
      await create.mutateAsync({
        kind: text("kind") as (typeof KINDS)[number],
        title: text("title"),
        location: text("location") || null,
        startsOn: text("startsOn"),
        startsAt: text("startsAt") || null,
        endsOn: text("endsOn") || text("startsOn"),
        endsAt: text("endsAt") || null,
        wholeEstablishment: whole,
        roles: profilesOf(form),
        classIds: whole ? [] : ids("classIds"),
        groupIds: whole ? [] : ids("groupIds"),
        personIds: whole ? [] : [...ids("pupilIds"), ...ids("teacherIds")],
      });
      formRef.current?.reset();
      setWhole(false);
      setSaved(true);
      router.refresh();
    } catch (cause) {
      showFailure(cause, t("errors.internal"));
    }
  }

  const checkboxes = (name: string, legend: string, items: { id: string; name: string }[]) => (
    <fieldset className={`${styles.fieldset} ${styles.checkList}`}>
      <legend className={ui.label}>{legend}</legend>
      <div className={styles.checkGrid}>
        {items.map((item) => (
          <label key={item.id} className={ui.checkbox}>
            <input type="checkbox" name={name} value={item.id} />
            <span>{item.name}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );

  return (
    <form ref={formRef} className={ui.stack} onSubmit={submit} noValidate>
      <FormAlert message={error} />
      {saved ? (
        <p className={ui.success} role="status">
          {t("timetable.events.saved")}
        </p>
      ) : null}
      <div className={styles.formGrid}>
        <div className={ui.field}>
          <label className={ui.label} htmlFor="kind">
            {t("timetable.fields.kind")}
          </label>
          <select className={ui.input} id="kind" name="kind" defaultValue="outing">
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`timetable.eventKinds.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <TextField name="title" label={t("timetable.fields.title")} required maxLength={120} error={fieldErrors.title} />
        <TextField name="location" label={t("timetable.fields.location")} maxLength={120} error={fieldErrors.location} />
      </div>
      <p className={ui.hint}>{t("timetable.events.timesHint")}</p>
      <div className={styles.formGrid}>
        <TextField name="startsOn" type="date" label={t("timetable.fields.startsOn")} defaultValue={today} required error={fieldErrors.startsOn} />
        <TextField name="startsAt" type="time" label={t("timetable.fields.startsAt")} error={fieldErrors.startsAt} />
        <TextField name="endsOn" type="date" label={t("timetable.fields.endsOn")} defaultValue={today} error={fieldErrors.endsOn} />
        <TextField name="endsAt" type="time" label={t("timetable.fields.endsAt")} error={fieldErrors.endsAt} />
      </div>
      <fieldset className={`${styles.fieldset} ${ui.stack}`}>
        <legend className={ui.label}>{t("timetable.events.audience")}</legend>
        <label className={ui.checkbox}>
          <input type="radio" name="reach" checked={whole} onChange={() => setWhole(true)} />
          <span>{t("timetable.events.whole")}</span>
        </label>
        <label className={ui.checkbox}>
          <input type="radio" name="reach" checked={!whole} onChange={() => setWhole(false)} />
          <span>{t("timetable.events.chosen")}</span>
        </label>
      </fieldset>
      {whole ? null : (
        <>
          {checkboxes("classIds", t("timetable.owner.classes"), refs.classes)}
          {checkboxes("groupIds", t("timetable.owner.groups"), refs.groups)}
          <div className={ui.field}>
            <label className={ui.label} htmlFor="rosterClass">
              {t("timetable.events.pupilsOf")}
            </label>
            <select className={ui.input} id="rosterClass" value={rosterClass} onChange={(e) => setRosterClass(e.target.value)}>
              <option value="">{t("timetable.manage.choose")}</option>
              {refs.classes.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          {roster.data
            ? checkboxes(
                "pupilIds",
                t("timetable.events.pupils", { name: roster.data.class?.name ?? "" }),
                roster.data.pupils.map((p) => ({ id: p.id, name: `${p.lastName} ${p.firstName}` })),
              )
            : null}
          <details>
            <summary>{t("timetable.owner.teachers")}</summary>
            {checkboxes("teacherIds", t("timetable.owner.teachers"), refs.teachers.map((p) => ({ id: p.id, name: `${p.lastName} ${p.firstName}` })))}
          </details>
        </>
      )}
      <ProfileChoices className={styles.fieldset} legend={t("timetable.events.profiles")} hint={t("timetable.events.profilesHint")} />
      <div className={styles.actions}>
        <button type="submit" className={ui.button} disabled={create.isPending}>
          {create.isPending ? t("timetable.change.saving") : t("timetable.events.create")}
        </button>
      </div>
    </form>
  );
}
