"use client";

import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { FormAlert } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import { isoDate } from "@/server/calendar/days";
import type { ServerApi } from "@/server/trpc/request-context";
import tables from "../../notes/notes.module.css";
import styles from "../timetable.module.css";
import { LessonDialog } from "./LessonDialog";

export type WeeklyLesson = Awaited<ReturnType<ServerApi["timetable"]["lessons"]>>[number];
export type References = Awaited<ReturnType<ServerApi["timetable"]["references"]>>;

/** An ISO weekday's name in the reader's language (23 November 2026 is a Monday). */
export function useWeekdayName() {
  const format = useFormatter();
  return (weekday: number) => format.dateTime(new Date(Date.UTC(2026, 10, 22 + weekday, 12)), { weekday: "long", timeZone: "UTC" });
}

interface Props {
  lessons: WeeklyLesson[];
  refs: References;
  audience: { classId: string } | { groupId: string };
}

/** The weekly lessons of a class or group, each to edit or remove, and a new one to add. */
export function LessonsTable({ lessons, refs, audience }: Props) {
  const t = useTranslations("timetable");
  const format = useFormatter();
  const weekdayName = useWeekdayName();
  const router = useRouter();
  const trpc = useTRPC();
  const remove = useMutation(trpc.timetable.deleteLesson.mutationOptions());
  const [editing, setEditing] = useState<WeeklyLesson | "new" | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // a lesson that has ended (removed, or edited and carried on by a new one) stays for the record, out of the way
  const [showEnded, setShowEnded] = useState(false);
  const today = isoDate(new Date());
  const endedCount = lessons.filter((lesson) => lesson.validUntil < today).length;
  const shown = showEnded ? lessons : lessons.filter((lesson) => lesson.validUntil >= today);
  const day = (date: string) => format.dateTime(new Date(`${date}T12:00:00Z`), { dateStyle: "short", timeZone: "UTC" });
  const wholeYear = (lesson: WeeklyLesson) => lesson.validFrom === refs.schoolYear?.startsOn && lesson.validUntil === refs.schoolYear?.endsOn;

  async function removeLesson(lesson: WeeklyLesson) {
    if (!window.confirm(t("manage.removeConfirm", { subject: lesson.subject, day: weekdayName(lesson.weekday), time: lesson.startsAt }))) return;
    try {
      const { outcome } = await remove.mutateAsync({ lessonId: lesson.id });
      setMessage({ ok: true, text: t(outcome === "ended" ? "manage.ended" : "manage.deleted") });
      router.refresh();
    } catch (cause) {
      setMessage({ ok: false, text: cause instanceof TRPCClientError && cause.shape ? cause.message : t("manage.notSaved") });
    }
  }

  return (
    <>
      {message?.ok ? (
        <p className={ui.success} role="status">
          {message.text}
        </p>
      ) : (
        <FormAlert message={message?.text ?? null} />
      )}
      <div className={styles.actions}>
        {endedCount > 0 ? (
          <label className={styles.toggle}>
            <input type="checkbox" checked={showEnded} onChange={(event) => setShowEnded(event.target.checked)} />
            {t("manage.showEnded", { count: endedCount })}
          </label>
        ) : null}
        <button type="button" className={ui.button} onClick={() => setEditing("new")} aria-haspopup="dialog">
          {t("manage.addLesson")}
        </button>
      </div>
      {shown.length === 0 ? (
        <p className={ui.muted}>{t("manage.noLessons")}</p>
      ) : (
        <div className={`${tables.tableWrap} ${styles.scrollBox}`} role="region" tabIndex={0} aria-label={t("manage.lessonsTable")}>
          <table className={tables.table}>
            <thead>
              <tr>
                <th scope="col">{t("fields.weekday")}</th>
                <th scope="col">{t("fields.time")}</th>
                <th scope="col">{t("fields.subject")}</th>
                <th scope="col">{t("fields.teachers")}</th>
                <th scope="col">{t("fields.room")}</th>
                <th scope="col">{t("fields.weeks")}</th>
                <th scope="col">{t("fields.validity")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("manage.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((lesson) => (
                <tr key={lesson.id}>
                  <td className={styles.nowrap}>{weekdayName(lesson.weekday)}</td>
                  <td className={styles.nowrap}>{t("lessonTime", { startsAt: lesson.startsAt, endsAt: lesson.endsAt })}</td>
                  <th scope="row">
                    {lesson.subject}
                    {lesson.groupName && "classId" in audience ? ` · ${lesson.groupName}` : ""}
                  </th>
                  <td>{lesson.teachers.map((teacher) => teacher.name).join(", ")}</td>
                  <td>{lesson.roomName ?? ""}</td>
                  <td>{t(`weeksShort.${lesson.weeks}`)}</td>
                  <td>{wholeYear(lesson) ? t("manage.wholeYear") : t("manage.validity", { from: day(lesson.validFrom), until: day(lesson.validUntil) })}</td>
                  <td>
                    <div className={styles.rowActions}>
                      <button type="button" className={`${ui.button} ${ui.secondary} ${styles.compact}`} onClick={() => setEditing(lesson)} aria-haspopup="dialog">
                        {t("manage.edit")}
                        <span className="visually-hidden"> {lesson.subject}, {weekdayName(lesson.weekday)} {lesson.startsAt}</span>
                      </button>
                      {/* an ended lesson has nothing left to remove: its past stays */}
                      {lesson.validUntil >= today ? (
                        <button type="button" className={`${ui.button} ${ui.secondary} ${styles.danger} ${styles.compact}`} onClick={() => void removeLesson(lesson)}>
                          {t("manage.remove")}
                          <span className="visually-hidden"> {lesson.subject}, {weekdayName(lesson.weekday)} {lesson.startsAt}</span>
                        </button>
                      ) : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing ? (
        <LessonDialog
          lesson={editing === "new" ? null : editing}
          refs={refs}
          audience={audience}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setMessage({ ok: true, text: t("manage.saved") });
            router.refresh();
          }}
        />
      ) : null}
    </>
  );
}
