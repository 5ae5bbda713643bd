import Link from "next/link";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import type { ServerApi } from "@/server/trpc/request-context";
import styles from "../portal.module.css";

/** A guardian's carnet de liaison notes still to acknowledge. */
export async function CarnetWaiting({ api }: { api: ServerApi }) {
  const [t, notes] = await Promise.all([getTranslations("messaging.carnet"), api.messaging.carnet.mine({ waiting: true })]);
  return (
    <section className={ui.card} aria-labelledby="carnet-waiting">
      <h2 id="carnet-waiting">{t("waitingTitle")}</h2>
      {notes.length === 0 ? <p className={ui.muted}>{t("noneWaiting")}</p> : null}
      <ul className={styles.list}>
        {notes.slice(0, 5).map((note) => (
          <li key={note.id} className={styles.listItem}>
            <span>
              <strong>{note.title}</strong> · {note.children.join(", ")}
            </span>
          </li>
        ))}
      </ul>
      {notes.length ? (
        <p>
          <Link href="/carnet">{t("open")}</Link>
        </p>
      ) : null}
    </section>
  );
}
