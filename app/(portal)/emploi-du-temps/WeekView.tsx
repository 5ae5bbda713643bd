"use client";

import { useFormatter, useTranslations } from "next-intl";
import { type CSSProperties, useState } from "react";
import type { DayEvent } from "@/server/timetable/events";
import type { Occurrence } from "@/server/timetable/occurrences";
import type { TimetableWeek } from "@/server/timetable/week";
import { JoinLink } from "../classes-virtuelles/JoinLink";
import { remoteLessonRoom } from "../classes-virtuelles/remote-lesson";
import joinStyles from "../classes-virtuelles/virtual-classes.module.css";
import { AnnotateDialog } from "./AnnotateDialog";
import { changeBadges } from "./change-badges";
import { ChangeDialog } from "./ChangeDialog";
import { intoLanes, minutesOf } from "./lanes";
import styles from "./timetable.module.css";
import ui from "@/app/components/ui.module.css";

/** What the viewer may do to an occurrence: nothing, change it (vie scolaire, direction), annotate their own (teacher). */
export type WeekMode = { kind: "read" } | { kind: "change" } | { kind: "annotate"; teacherId: string };

interface Props {
  week: TimetableWeek;
  mode: WeekMode;
  today: string;
  /** the viewer's own week (a pupil's, a teacher's): remote lessons get their join button */
  joinable?: boolean;
}

const DEFAULT_DAY = { from: 8 * 60, to: 17 * 60 };
const dayDate = (day: string) => new Date(`${day}T12:00:00Z`);

/** The hours the week's column spans: from the first hour anything starts to the last one anything ends. */
function hoursOf(week: TimetableWeek) {
  const times = week.days.flatMap((day) => [
    ...day.occurrences.flatMap((o) => [minutesOf(o.startsAt), minutesOf(o.endsAt)]),
    ...day.events.flatMap((e) => (e.allDay ? [] : [minutesOf(e.from ?? "08:00"), minutesOf(e.to ?? "18:00")])),
  ]);
  if (times.length === 0) return DEFAULT_DAY;
  return { from: Math.floor(Math.min(DEFAULT_DAY.from, ...times) / 60) * 60, to: Math.ceil(Math.max(DEFAULT_DAY.to, ...times) / 60) * 60 };
}

/** A hue of its own for each subject, so that a week reads at a glance. */
function hueOf(code: string): number {
  let hash = 0;
  for (const char of code) hash = (hash * 31 + char.charCodeAt(0)) % 360;
  return hash;
}

type Item = { kind: "lesson"; startsAt: string; endsAt: string; occurrence: Occurrence } | { kind: "event"; startsAt: string; endsAt: string; event: DayEvent };

export function WeekView({ week, mode, today, joinable = false }: Props) {
  const t = useTranslations("timetable");
  const tVirtual = useTranslations("virtualClasses");
  const format = useFormatter();
  const [selected, setSelected] = useState<Occurrence | null>(null);
  // Saturday (and Sunday) only when something happens then
  const days = week.days.filter((day, index) => index < 5 || day.occurrences.length > 0 || day.events.length > 0);
  const { from, to } = hoursOf(week);
  const hourMarks = Array.from({ length: (to - from) / 60 + 1 }, (_, i) => from + i * 60);
  const hasBanners = days.some((day) => day.events.some((e) => e.allDay));
  const weekStyle = {
    "--days": days.length,
    "--height": `calc(var(--hour) * ${(to - from) / 60})`,
    "--banner": hasBanners ? "auto" : "0px",
  } as CSSProperties;
  const position = (startsAt: string, endsAt: string) => ({
    "--top": `calc(var(--hour) * ${(minutesOf(startsAt) - from) / 60})`,
    "--length": `calc(var(--hour) * ${(minutesOf(endsAt) - minutesOf(startsAt)) / 60})`,
  });
  const editable = (o: Occurrence) =>
    mode.kind === "change" || (mode.kind === "annotate" && o.teachers.some((teacher) => teacher.id === mode.teacherId));

  return (
    <>
      <div className={styles.week} style={weekStyle}>
        <div className={styles.hours} aria-hidden="true">
          {hourMarks.map((minutes) => (
            <span key={minutes} className={styles.hourMark} style={{ "--top": `calc(var(--hour) * ${(minutes - from) / 60})` } as CSSProperties}>
              {`${String(minutes / 60).padStart(2, "0")}:00`}
            </span>
          ))}
        </div>
        {days.map((day) => {
          const items: Item[] = [
            ...day.occurrences.map((occurrence) => ({ kind: "lesson" as const, startsAt: occurrence.startsAt, endsAt: occurrence.endsAt, occurrence })),
            ...day.events
              .filter((event) => !event.allDay)
              .map((event) => ({ kind: "event" as const, startsAt: event.from ?? "00:00", endsAt: event.to ?? "23:59", event })),
          ];
          const headingId = `day-${day.date}`;
          return (
            <section key={day.date} className={`${styles.day} ${day.date === today ? styles.today : ""}`} aria-labelledby={headingId}>
              <h3 className={styles.dayHead} id={headingId}>
                {format.dateTime(dayDate(day.date), { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" })}
                {day.date === today ? <span className={styles.todayMark}>{t("today")}</span> : null}
              </h3>
              <ul className={styles.banners}>
                {day.events
                  .filter((event) => event.allDay)
                  .map((event) => (
                    <li key={event.id} className={styles.banner}>
                      <strong>{t(`eventKinds.${event.kind}`)}</strong> · {event.title}
                    </li>
                  ))}
              </ul>
              <ul className={styles.slots} style={{ "--offset": `calc(var(--hour) * ${-(from % 60) / 60})` } as CSSProperties}>
                {items.length === 0 ? <li className={styles.empty}>{t("noLessonsDay")}</li> : null}
                {intoLanes(items).map(({ item, lane, lanes }) => (
                  <li
                    key={item.kind === "lesson" ? `${item.occurrence.lessonId}/${item.occurrence.plannedOn}` : item.event.id}
                    className={styles.slot}
                    style={{ ...position(item.startsAt, item.endsAt), "--lane": lane, "--lanes": lanes } as CSSProperties}
                  >
                    {item.kind === "lesson" ? (
                      <>
                        <LessonBlock occurrence={item.occurrence} onSelect={editable(item.occurrence) ? () => setSelected(item.occurrence) : undefined} />
                        {joinable ? <RemoteJoin occurrence={item.occurrence} label={tVirtual("joinLesson", { subject: item.occurrence.subject.name })} /> : null}
                      </>
                    ) : (
                      <EventBlock event={item.event} />
                    )}
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
      {selected && mode.kind === "change" ? <ChangeDialog occurrence={selected} onClose={() => setSelected(null)} /> : null}
      {selected && mode.kind === "annotate" ? <AnnotateDialog occurrence={selected} onClose={() => setSelected(null)} /> : null}
    </>
  );
}

function LessonBlock({ occurrence, onSelect }: { occurrence: Occurrence; onSelect?: () => void }) {
  const t = useTranslations("timetable");
  const format = useFormatter();
  const change = occurrence.change;
  const className = [styles.lesson, change ? styles.changed : "", change?.cancelled ? styles.cancelled : ""].join(" ");
  const badges = changeBadges(change, t as (key: string, values?: Record<string, string>) => string);
  const content = (
    <>
      <span className={styles.subject}>{occurrence.subject.name}</span>
      {badges.length ? (
        <span className={styles.badges}>
          {badges.map((badge) => (
            <span key={badge.text} className={`${styles.badge} ${badge.alarm ? styles.alarm : ""}`}>
              {badge.text}
            </span>
          ))}
        </span>
      ) : null}
      <span className={styles.time}>
        {t("lessonTime", { startsAt: occurrence.startsAt, endsAt: occurrence.endsAt })}
        {occurrence.room ? ` · ${occurrence.room.name}` : ""}
      </span>
      <span className={styles.detail}>
        {[occurrence.teachers.map((teacher) => teacher.name).join(", "), occurrence.audience.name].filter(Boolean).join(" · ")}
      </span>
      {change?.moved && occurrence.plannedOn !== occurrence.on ? (
        <span className={styles.detail}>
          {t("movedFrom", { date: format.dateTime(dayDate(occurrence.plannedOn), { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" }) })}
        </span>
      ) : null}
      {change?.note ? <span className={`${styles.detail} ${styles.note}`}>{change.note}</span> : null}
    </>
  );
  const style = { "--hue": hueOf(occurrence.subject.code) } as CSSProperties;
  return onSelect ? (
    <button type="button" className={className} style={style} onClick={onSelect} aria-haspopup="dialog">
      {content}
    </button>
  ) : (
    <div className={className} style={style}>
      {content}
    </div>
  );
}

function RemoteJoin({ occurrence, label }: { occurrence: Occurrence; label: string }) {
  const room = remoteLessonRoom(occurrence);
  return room ? <JoinLink {...room} label={label} className={`${ui.button} ${joinStyles.joinInSlot}`} /> : null;
}

function EventBlock({ event }: { event: DayEvent }) {
  const t = useTranslations("timetable");
  const times = event.from && event.to ? t("lessonTime", { startsAt: event.from, endsAt: event.to }) : event.from ? t("eventFrom", { time: event.from }) : t("eventUntil", { time: event.to ?? "" });
  return (
    <div className={styles.event}>
      <span className={styles.time}>{times}</span>
      <span className={styles.subject}>
        {t(`eventKinds.${event.kind}`)} · {event.title}
      </span>
      {event.location ? <span className={styles.detail}>{event.location}</span> : null}
    </div>
  );
}
