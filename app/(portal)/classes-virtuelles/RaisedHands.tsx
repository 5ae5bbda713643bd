"use client";

import { useDataChannel, useLocalParticipant } from "@livekit/components-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import ui from "@/app/components/ui.module.css";

const TOPIC = "hand";
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Raised hands, as data messages on their own topic: each person raises or lowers their own hand, everyone sees who
 * is waiting to speak, in order. Data messages need no permission beyond the one every token has.
 */
export function RaisedHands() {
  const t = useTranslations("virtualClasses.hands");
  const { localParticipant } = useLocalParticipant();
  const [hands, setHands] = useState<{ identity: string; name: string }[]>([]);
  const set = (identity: string, name: string, raised: boolean) =>
    setHands((all) => [...all.filter((h) => h.identity !== identity), ...(raised ? [{ identity, name }] : [])]);
  const { send } = useDataChannel(TOPIC, (message) => {
    const { raised } = JSON.parse(decoder.decode(message.payload)) as { raised: boolean };
    if (message.from) set(message.from.identity, message.from.name || message.from.identity, raised);
  });
  const mine = hands.some((h) => h.identity === localParticipant.identity);

  async function toggle() {
    const raised = !mine;
    await send(encoder.encode(JSON.stringify({ raised })), { reliable: true, topic: TOPIC });
    set(localParticipant.identity, localParticipant.name || localParticipant.identity, raised);
  }

  return (
    <section className={ui.card} aria-labelledby="hands-title">
      <h2 id="hands-title">{t("title")}</h2>
      <p>
        <button type="button" className={`${ui.button} ${mine ? ui.secondary : ""}`} aria-pressed={mine} onClick={toggle}>
          <span aria-hidden="true">✋</span> {mine ? t("lower") : t("raise")}
        </button>
      </p>
      <ol aria-live="polite">
        {hands.length === 0 ? <li className={ui.muted}>{t("none")}</li> : null}
        {hands.map((hand) => (
          <li key={hand.identity}>{t("raised", { name: hand.name })}</li>
        ))}
      </ol>
    </section>
  );
}
