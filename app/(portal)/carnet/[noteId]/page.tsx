import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { serverCaller } from "@/server/trpc/request-context";
import { guarded } from "../../guarded";
import styles from "../../messagerie/messaging.module.css";
import { RefreshOnMessage } from "../../messagerie/RefreshOnMessage";
import { RemindButton } from "./RemindButton";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("messaging"))("carnet.title") };
}

/** A note's follow-up for its author: each family's "vu" as it arrives, and a reminder to the others. */
export default async function NoteFollowUpPage({ params }: { params: Promise<{ noteId: string }> }) {
  const { noteId } = await params;
  const { api } = await serverCaller();
  const [t, format] = await Promise.all([getTranslations("messaging.carnet"), getFormatter()]);
  if (!/^[0-9a-f-]{36}$/i.test(noteId)) return guarded(() => Promise.reject(new Error("not a note")));
  const note = await guarded(() => api.messaging.carnet.followUp({ noteId }));
  const acknowledged = note.copies.filter((c) => c.acknowledgedAt).length;
  const when = (date: Date) => format.dateTime(date, { day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" });
  return (
    <div className={ui.stack}>
      <RefreshOnMessage carnet />
      <p>
        <Link href="/carnet">{t("back")}</Link>
      </p>
      <h1>{note.title}</h1>
      <p className={styles.body}>{note.body}</p>
      <section className={ui.card} aria-labelledby="copies">
        <h2 id="copies" data-testid="acknowledged-count">
          {t("acknowledgedCount", { acknowledged, total: note.copies.length })}
        </h2>
        {acknowledged < note.copies.length ? <RemindButton noteId={note.id} /> : null}
        <ul className={styles.conversations}>
          {note.copies.map((c) => (
            <li key={`${c.guardianId}-${c.pupil.firstName}`} className={styles.conversation}>
              <span>
                {c.guardian.firstName} {c.guardian.lastName} <span className={ui.muted}>({c.pupil.firstName} {c.pupil.lastName})</span>
              </span>
              <span className={c.acknowledgedAt ? ui.success : ui.muted}>
                {c.acknowledgedAt
                  ? t("acknowledgedOn", { date: when(c.acknowledgedAt) })
                  : c.remindedAt
                    ? t("remindedOn", { date: when(c.remindedAt) })
                    : t("waiting")}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
