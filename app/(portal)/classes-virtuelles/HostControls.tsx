"use client";

import { useParticipants } from "@livekit/components-react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormAlert } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import styles from "./virtual-classes.module.css";

/**
 * The teacher's controls of the pupils in the room, through the server (LiveKit's room service): mute one, let one
 * share their screen, make one leave. Pupils are told apart by the role their token gave them.
 */
export function HostControls({ id }: { id: string }) {
  const t = useTranslations("virtualClasses.controls");
  const trpc = useTRPC();
  const participants = useParticipants();
  const pupils = participants.filter((p) => p.attributes.role === "pupil");
  const [sharing, setSharing] = useState<Set<string>>(new Set());
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mute = useMutation(trpc.virtualClasses.mute.mutationOptions());
  const screen = useMutation(trpc.virtualClasses.allowScreenShare.mutationOptions());
  const remove = useMutation(trpc.virtualClasses.remove.mutationOptions());

  async function act(run: () => Promise<unknown>) {
    setError(null);
    setStatus(null);
    try {
      await run();
      setStatus(t("done"));
    } catch (cause) {
      setError((cause as Error).message);
    }
  }

  return (
    <section className={ui.card} aria-labelledby="participants-title">
      <h2 id="participants-title">{t("participants")}</h2>
      <FormAlert message={error} />
      <p role="status" className={ui.muted}>
        {status}
      </p>
      {pupils.length === 0 ? <p className={ui.muted}>{t("noPupils")}</p> : null}
      <ul className={styles.list}>
        {pupils.map((pupil) => {
          const name = pupil.name || pupil.identity;
          const allowed = sharing.has(pupil.identity);
          return (
            <li key={pupil.identity} className={styles.item}>
              <span>{name}</span>
              <span className={styles.actions}>
                <button type="button" className={`${ui.button} ${ui.secondary}`} aria-label={t("mute", { name })}
                  onClick={() => act(() => mute.mutateAsync({ id, personId: pupil.identity }))}>
                  <span aria-hidden="true">🔇</span>
                </button>
                <button type="button" className={`${ui.button} ${ui.secondary}`} aria-pressed={allowed}
                  aria-label={allowed ? t("revokeScreen", { name }) : t("allowScreen", { name })}
                  onClick={() =>
                    act(async () => {
                      await screen.mutateAsync({ id, personId: pupil.identity, allowed: !allowed });
                      setSharing((all) => {
                        const next = new Set(all);
                        if (allowed) next.delete(pupil.identity);
                        else next.add(pupil.identity);
                        return next;
                      });
                    })
                  }>
                  <span aria-hidden="true">🖥</span>
                </button>
                <button type="button" className={`${ui.button} ${ui.secondary}`} aria-label={t("remove", { name })}
                  onClick={() => window.confirm(t("removeConfirm", { name })) && act(() => remove.mutateAsync({ id, personId: pupil.identity }))}>
                  <span aria-hidden="true">⏏</span>
                </button>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
