import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { isoDate } from "@/server/calendar/days";
import { serverCaller } from "@/server/trpc/request-context";
import { opensAt } from "@/server/virtual-classes/window";
import { JoinLink } from "../classes-virtuelles/JoinLink";
import styles from "../classes-virtuelles/virtual-classes.module.css";
import { PublishForm } from "./PublishForm";
import { BookForm, SlotButton } from "./SlotActions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("virtualClasses"))("meetings.title") };
}

interface Slot {
  id: string;
  startsAt: Date;
  minutes: number;
}

const endOf = (slot: Slot) => new Date(slot.startsAt.getTime() + slot.minutes * 60_000);

/** Rendez-vous parents–professeurs by video: a teacher's slots, a guardian's bookings and what they may book. */
export default async function MeetingsPage() {
  const { ctx, api } = await serverCaller();
  const t = await getTranslations("virtualClasses");
  const roles = ctx.actor?.scope?.roles;
  const teaches = roles?.has("teacher") ?? false;
  const guards = roles?.has("guardian") ?? false;
  const [{ configured }, mine, family, choices] = await Promise.all([
    api.virtualClasses.configured(),
    teaches ? api.virtualClasses.mySlots() : Promise.resolve([]),
    guards ? api.virtualClasses.bookableSlots() : Promise.resolve([]),
    api.timetable.choices(),
  ]);
  const booked = family.filter((slot) => slot.guardianId);
  const free = family.filter((slot) => !slot.guardianId);
  const when = (slot: Slot) => t("meetings.slot", { start: slot.startsAt, minutes: slot.minutes });
  const join = (slot: Slot) => (
    <JoinLink href={`/rendez-vous/${slot.id}`} opensAt={opensAt(slot.startsAt).toISOString()} endsAt={endOf(slot).toISOString()} label={t("meetings.join")} />
  );

  return (
    <div className={ui.stack}>
      <h1>{t("meetings.title")}</h1>
      <p>{t("meetings.intro")}</p>
      {configured ? null : <p className={ui.alert}>{t("notConfigured")}</p>}
      {teaches ? (
        <>
          <PublishForm today={isoDate(new Date())} />
          <section className={ui.stack} aria-labelledby="mine-title">
            <h2 id="mine-title">{t("meetings.mine")}</h2>
            {mine.length === 0 ? <p className={ui.card}>{t("meetings.noSlots")}</p> : null}
            <ul className={styles.list}>
              {mine.map((slot) => (
                <li key={slot.id} className={`${ui.card} ${styles.item}`}>
                  <div>
                    <h3>{when(slot)}</h3>
                    <p className={ui.muted}>
                      {slot.guardianId ? t("meetings.bookedBy", { guardian: slot.guardianName ?? "", student: slot.studentName ?? "" }) : t("meetings.free")}
                    </p>
                  </div>
                  <span className={styles.actions}>
                    {slot.guardianId ? join(slot) : null}
                    <SlotButton slotId={slot.id} action={slot.guardianId ? "cancel" : "withdraw"} />
                  </span>
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : null}
      {guards ? (
        <>
          <section className={ui.stack} aria-labelledby="booked-title">
            <h2 id="booked-title">{t("meetings.booked")}</h2>
            {booked.length === 0 ? <p className={ui.card}>{t("meetings.noBooked")}</p> : null}
            <ul className={styles.list}>
              {booked.map((slot) => (
                <li key={slot.id} className={`${ui.card} ${styles.item}`}>
                  <div>
                    <h3>{t("meetings.with", { teacher: slot.teacherName })}</h3>
                    <p className={ui.muted}>
                      {when(slot)} · {t("meeting.about", { student: slot.studentName ?? "" })}
                    </p>
                  </div>
                  <span className={styles.actions}>
                    {join(slot)}
                    <SlotButton slotId={slot.id} action="cancel" />
                  </span>
                </li>
              ))}
            </ul>
          </section>
          <section className={ui.stack} aria-labelledby="bookable-title">
            <h2 id="bookable-title">{t("meetings.bookable")}</h2>
            {free.length === 0 ? <p className={ui.card}>{t("meetings.noBookable")}</p> : null}
            <ul className={styles.list}>
              {free.map((slot) => (
                <li key={slot.id} className={`${ui.card} ${styles.item}`}>
                  <div>
                    <h3>{t("meetings.with", { teacher: slot.teacherName })}</h3>
                    <p className={ui.muted}>{when(slot)}</p>
                  </div>
                  <BookForm slotId={slot.id} pupils={choices.children.filter((child) => slot.children.includes(child.id))} />
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : null}
    </div>
  );
}
