import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { isoDate } from "@/server/calendar/days";
import { schoolTime } from "@/server/calendar/days";
import { serverCaller } from "@/server/trpc/request-context";
import { guarded } from "../../../guarded";
import styles from "../../timetable.module.css";
import { DeleteEventButton } from "./DeleteEventButton";
import { EventForm } from "./EventForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("timetable"))("events.title") };
}

/** Events of the calendar: a new one, and those to come. */
export default async function EventsPage() {
  const { api } = await serverCaller();
  const t = await getTranslations("timetable");
  const tRoles = await getTranslations("roles");
  const format = await getFormatter();
  const today = isoDate(new Date());
  const [refs, events] = await Promise.all([guarded(() => api.timetable.references()), guarded(() => api.timetable.events({ week: today }))]);
  // whole days (holidays) read as dates, the last day included; anything else with its times
  const when = (start: Date, end: Date) =>
    schoolTime(start) === "00:00" && schoolTime(end) === "00:00"
      ? format.dateTimeRange(start, new Date(end.getTime() - 1000), { dateStyle: "medium" })
      : format.dateTimeRange(start, end, { dateStyle: "medium", timeStyle: "short" });
  const label = (kind: string, title: string) => {
    const kindName = t(`eventKinds.${kind}` as never);
    return kindName === title ? title : `${kindName} · ${title}`;
  };

  return (
    <>
      <section className={`${ui.card} ${ui.stack}`} aria-labelledby="new-event">
        <h2 id="new-event">{t("events.new")}</h2>
        <EventForm refs={refs} today={today} />
      </section>
      <section className={`${ui.card} ${ui.stack}`} aria-labelledby="coming-events">
        <h2 id="coming-events">{t("events.coming")}</h2>
        {events.length === 0 ? <p className={ui.muted}>{t("events.none")}</p> : null}
        <ul className={styles.eventList}>
          {events.map((event) => (
            <li key={event.id} className={styles.eventItem}>
              <div>
                <p className={styles.subject}>
                  {label(event.kind, event.title)}
                </p>
                <p className={ui.muted}>
                  {when(event.startsAt, event.endsAt)}
                  {event.location ? ` · ${event.location}` : ""}
                </p>
                <p>{event.wholeEstablishment ? t("events.whole") : event.audience.join(", ")}</p>
                {event.roles.length ? (
                  <p>{t("events.onlyFor", { profiles: format.list(event.roles.map((role) => tRoles(role)), { type: "conjunction" }) })}</p>
                ) : null}
              </div>
              <DeleteEventButton eventId={event.id} title={event.title} />
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
