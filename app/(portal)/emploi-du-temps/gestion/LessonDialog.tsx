"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { FormEvent, ReactNode } from "react";
import { TextField } from "@/app/components/TextField";
import { FormAlert, useFormErrors } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import { isoDate } from "@/server/calendar/days";
import { Dialog } from "../Dialog";
import styles from "../timetable.module.css";
import { type References, useWeekdayName, type WeeklyLesson } from "./LessonsTable";

type Field = "subjectId" | "classId" | "startsAt" | "endsAt" | "validFrom" | "validUntil";

interface Props {
  lesson: WeeklyLesson | null;
  refs: References;
  audience: { classId: string } | { groupId: string };
  onClose: () => void;
  onSaved: () => void;
}

/** A weekly lesson: subject, teachers, class or group, room, day and times, weeks, and the dates it runs between. */
export function LessonDialog({ lesson, refs, audience, onClose, onSaved }: Props) {
  const t = useTranslations();
  const weekdayName = useWeekdayName();
  const trpc = useTRPC();
  const create = useMutation(trpc.timetable.createLesson.mutationOptions());
  const update = useMutation(trpc.timetable.updateLesson.mutationOptions());
  const { fieldErrors, error, reset, showFailure } = useFormErrors<Field>();
  const currentAudience = lesson
    ? lesson.classId ? `class:${lesson.classId}` : `group:${lesson.groupId}`
    : "classId" in audience ? `class:${audience.classId}` : `group:${audience.groupId}`;
  const pending = create.isPending || update.isPending;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    const [kind, audienceId] = text("audience").split(":");
    const fields = {
      subjectId: text("subjectId"),
      teacherIds: [...new Set([text("teacher1"), text("teacher2")].filter(Boolean))],
      classId: kind === "class" ? audienceId : null,
      groupId: kind === "group" ? audienceId : null,
      roomId: text("roomId") || null,
      weekday: Number(text("weekday")),
      startsAt: text("startsAt"),
      endsAt: text("endsAt"),
      weeks: text("weeks") as "every" | "A" | "B",
      validFrom: text("validFrom"),
      validUntil: text("validUntil"),
    };
    reset();
    try {
      if (lesson) await update.mutateAsync({ lessonId: lesson.id, ...fields });
      else await create.mutateAsync(fields);
      onSaved();
      onClose();
    } catch (cause) {
      showFailure(cause, t("errors.internal"));
    }
  }

  const select = (name: string, label: string, defaultValue: string, options: ReactNode, error?: string) => (
    <div className={ui.field}>
      <label className={ui.label} htmlFor={name}>
        {label}
      </label>
      <select className={ui.input} id={name} name={name} defaultValue={defaultValue} aria-invalid={error ? true : undefined} aria-describedby={error ? `${name}-error` : undefined}>
        {options}
      </select>
      {error ? (
        <p className={ui.fieldError} id={`${name}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
  const teacherOptions = (
    <>
      <option value="">{t("timetable.manage.noTeacher")}</option>
      {refs.teachers.map((teacher) => (
        <option key={teacher.id} value={teacher.id}>
          {teacher.lastName} {teacher.firstName}
        </option>
      ))}
    </>
  );

  return (
    <Dialog title={lesson ? t("timetable.manage.editLesson") : t("timetable.manage.addLesson")} onClose={onClose}>
      <form className={ui.stack} onSubmit={submit} noValidate>
        <FormAlert message={error} />
        {lesson && lesson.validFrom < isoDate(new Date()) ? <p className={ui.hint}>{t("timetable.manage.editKeepsPast")}</p> : null}
        {select(
          "subjectId",
          t("timetable.fields.subject"),
          lesson?.subjectId ?? "",
          <>
            <option value="" disabled>
              {t("timetable.manage.choose")}
            </option>
            {refs.subjects.map((subject) => (
              <option key={subject.id} value={subject.id}>
                {subject.name} ({subject.code})
              </option>
            ))}
          </>,
          fieldErrors.subjectId,
        )}
        <div className={styles.formGrid}>
          {select("teacher1", t("timetable.fields.teacher"), lesson?.teachers[0]?.id ?? "", teacherOptions)}
          {select("teacher2", t("timetable.fields.coTeacher"), lesson?.teachers[1]?.id ?? "", teacherOptions)}
        </div>
        <div className={styles.formGrid}>
          {select(
            "audience",
            t("timetable.fields.audience"),
            currentAudience,
            <>
              <optgroup label={t("timetable.owner.classes")}>
                {refs.classes.map((c) => (
                  <option key={c.id} value={`class:${c.id}`}>
                    {c.name}
                  </option>
                ))}
              </optgroup>
              <optgroup label={t("timetable.owner.groups")}>
                {refs.groups.map((g) => (
                  <option key={g.id} value={`group:${g.id}`}>
                    {g.name}
                  </option>
                ))}
              </optgroup>
            </>,
            fieldErrors.classId,
          )}
          {select(
            "roomId",
            t("timetable.fields.room"),
            lesson?.roomId ?? "",
            <>
              <option value="">{t("timetable.manage.noRoom")}</option>
              {refs.rooms.map((room) => (
                <option key={room.id} value={room.id}>
                  {room.name}
                </option>
              ))}
            </>,
          )}
        </div>
        <div className={styles.formGrid}>
          {select(
            "weekday",
            t("timetable.fields.weekday"),
            String(lesson?.weekday ?? 1),
            [1, 2, 3, 4, 5, 6].map((weekday) => (
              <option key={weekday} value={weekday}>
                {weekdayName(weekday)}
              </option>
            )),
          )}
          <TextField name="startsAt" type="time" label={t("timetable.fields.startsAt")} defaultValue={lesson?.startsAt ?? "08:00"} required error={fieldErrors.startsAt} />
          <TextField name="endsAt" type="time" label={t("timetable.fields.endsAt")} defaultValue={lesson?.endsAt ?? "09:00"} required error={fieldErrors.endsAt} />
          {select(
            "weeks",
            t("timetable.fields.weeks"),
            lesson?.weeks ?? "every",
            (["every", "A", "B"] as const).map((weeks) => (
              <option key={weeks} value={weeks}>
                {t(`timetable.weeks.${weeks}`)}
              </option>
            )),
          )}
        </div>
        <div className={styles.formGrid}>
          <TextField name="validFrom" type="date" label={t("timetable.fields.validFrom")} defaultValue={lesson?.validFrom ?? refs.schoolYear?.startsOn} required error={fieldErrors.validFrom} />
          <TextField name="validUntil" type="date" label={t("timetable.fields.validUntil")} defaultValue={lesson?.validUntil ?? refs.schoolYear?.endsOn} required error={fieldErrors.validUntil} />
        </div>
        <div className={styles.actions}>
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
