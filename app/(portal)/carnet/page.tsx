import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { hasRole } from "@/server/policy/scope";
import { serverCaller } from "@/server/trpc/request-context";
import styles from "../messagerie/messaging.module.css";
import { RefreshOnMessage } from "../messagerie/RefreshOnMessage";
import { AcknowledgeButton } from "./AcknowledgeButton";
import { SendNoteForm } from "./SendNoteForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("messaging"))("carnet.title") };
}

/** Carnet de liaison: families acknowledge the school's notes; teachers and staff send them and follow who saw them. */
export default async function CarnetPage() {
  const { ctx, api } = await serverCaller();
  const [t, format] = await Promise.all([getTranslations("messaging.carnet"), getFormatter()]);
  const scope = ctx.actor?.scope;
  const sends = scope ? hasRole(scope, "teacher", "direction", "cpe") : false;
  const [mine, classes, sent] = await Promise.all([
    scope && hasRole(scope, "guardian") ? api.messaging.carnet.mine({ waiting: false }) : [],
    sends ? api.messaging.carnet.classes() : [],
    sends ? api.messaging.carnet.sent() : [],
  ]);
  const when = (date: Date) => format.dateTime(date, { day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" });

  return (
    <div className={ui.stack}>
      <RefreshOnMessage carnet />
      <h1>{t("title")}</h1>
      {scope && hasRole(scope, "guardian") ? (
        <section className={ui.card} aria-labelledby="carnet-notes">
          <h2 id="carnet-notes">{t("received")}</h2>
          {mine.length === 0 ? <p className={ui.muted}>{t("noneReceived")}</p> : null}
          <ul className={styles.thread}>
            {mine.map((note) => (
              <li key={note.id} className={styles.message}>
                <div className={styles.meta}>
                  <strong>{note.title}</strong>
                  <span>{when(note.createdAt)}</span>
                </div>
                <p className={ui.muted}>
                  {t("about", { children: note.children.join(", ") })} · {note.author ? `${note.author.firstName} ${note.author.lastName}` : ""}
                </p>
                <p className={styles.body}>{note.body}</p>
                {note.acknowledgedAt ? (
                  <p className={ui.success}>{t("acknowledgedOn", { date: when(note.acknowledgedAt) })}</p>
                ) : (
                  <AcknowledgeButton noteId={note.id} title={note.title} />
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {sends ? (
        <>
          <SendNoteForm classes={classes} />
          <section className={ui.card} aria-labelledby="carnet-sent">
            <h2 id="carnet-sent">{t("sent")}</h2>
            {sent.length === 0 ? <p className={ui.muted}>{t("noneSent")}</p> : null}
            <ul className={styles.conversations}>
              {sent.map((note) => (
                <li key={note.id} className={styles.conversation}>
                  <span>
                    <Link href={`/carnet/${note.id}`}>{note.title}</Link>
                    <br />
                    <span className={ui.muted}>
                      {note.className ?? (note.pupil ? `${note.pupil.firstName} ${note.pupil.lastName}` : "")} · {when(note.createdAt)}
                    </span>
                  </span>
                  <span data-testid="acknowledged-count">{t("acknowledgedCount", { acknowledged: note.acknowledged, total: note.total })}</span>
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : null}
    </div>
  );
}
