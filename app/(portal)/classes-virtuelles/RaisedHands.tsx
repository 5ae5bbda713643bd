"use client";

import { useLocalParticipant, useParticipants } from "@livekit/components-react";
import { useMutation } from "@tanstack/react-query";
import { RoomEvent } from "livekit-client";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { FormAlert } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import { rememberHand } from "./remembered-hand";
import styles from "./virtual-classes.module.css";

/** Besides people coming and going, the list follows their attributes (a hand raised or lowered). */
const UPDATE_ON = [RoomEvent.ParticipantAttributesChanged];

/**
 * Raised hands: each person's `hand` attribute, set by the server (which the LiveKit server then holds and sends to
 * everyone, latecomers included), listed by when they were raised. Each person raises or lowers their own; the host
 * lowers anyone's. The page remembers its person's hand, so that a reload brings it back.
 */
export function RaisedHands({ id, host }: { id: string; host: boolean }) {
  const t = useTranslations("virtualClasses.hands");
  const trpc = useTRPC();
  const participants = useParticipants({ updateOnlyOn: UPDATE_ON });
  const { localParticipant } = useLocalParticipant();
  const hand = useMutation(trpc.virtualClasses.hand.mutationOptions());
  const lower = useMutation(trpc.virtualClasses.lowerHand.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const hands = participants
    .filter((p) => p.attributes.hand)
    .sort((a, b) => a.attributes.hand.localeCompare(b.attributes.hand))
    .map((p) => ({ identity: p.identity, name: p.name || p.identity, raisedAt: new Date(p.attributes.hand) }));
  const mine = localParticipant.attributes.hand;

  useEffect(() => {
    if (localParticipant.sid) rememberHand(id, mine ?? null);
  }, [id, localParticipant.sid, mine]);

  async function act(run: () => Promise<unknown>) {
    setError(null);
    try {
      await run();
    } catch (cause) {
      setError((cause as Error).message);
    }
  }

  return (
    <section className={ui.card} aria-labelledby="hands-title">
      <h2 id="hands-title">{t("title")}</h2>
      <FormAlert message={error} />
      <p>
        <button type="button" className={`${ui.button} ${mine ? ui.secondary : ""}`} aria-pressed={!!mine} disabled={hand.isPending}
          onClick={() => act(() => hand.mutateAsync({ id, raised: !mine }))}>
          <span aria-hidden="true">✋</span> {mine ? t("lower") : t("raise")}
        </button>
      </p>
      <ol aria-live="polite" className={styles.list}>
        {hands.length === 0 ? <li className={ui.muted}>{t("none")}</li> : null}
        {hands.map((raised) => (
          <li key={raised.identity} className={styles.item}>
            <span>{t("raised", { name: raised.name, time: raised.raisedAt })}</span>
            {host && raised.identity !== localParticipant.identity ? (
              <button type="button" className={`${ui.button} ${ui.secondary}`} disabled={lower.isPending}
                onClick={() => act(() => lower.mutateAsync({ id, personId: raised.identity }))}>
                {t("lowerFor", { name: raised.name })}
              </button>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
