"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormAlert } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import { opensAt } from "@/server/virtual-classes/window";
import { LiveRoom } from "../../classes-virtuelles/LiveRoom";

const WAITING_REFRESH_MS = 5_000;

/** A meeting's private room: open from a few minutes before the slot to its end, for its teacher and guardian. */
export function MeetingRoom({ slotId }: { slotId: string }) {
  const t = useTranslations("virtualClasses");
  const trpc = useTRPC();
  const { data: meeting } = useQuery({
    ...trpc.virtualClasses.meeting.queryOptions({ slotId }),
    refetchInterval: (query) => (query.state.data?.state === "early" ? WAITING_REFRESH_MS : false),
  });
  const token = useMutation(trpc.virtualClasses.meetingToken.mutationOptions());
  const [connection, setConnection] = useState<{ url: string; token: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!meeting) return null;
  if (!meeting.configured) return <p className={ui.alert}>{t("notConfigured")}</p>;

  async function enter() {
    setError(null);
    try {
      setConnection(await token.mutateAsync({ slotId }));
    } catch (cause) {
      setError((cause as Error).message);
    }
  }

  return (
    <div className={ui.stack}>
      <FormAlert message={error} />
      <p role="status" className={ui.card}>
        {meeting.state === "early" ? t("meeting.early", { time: opensAt(meeting.startsAt) }) : t(`meeting.${meeting.state}`)}
      </p>
      {meeting.state === "open" && !connection ? (
        <p>
          <button type="button" className={ui.button} onClick={enter} disabled={token.isPending}>
            {t("room.enter")}
          </button>
        </p>
      ) : null}
      {connection ? (
        <LiveRoom url={connection.url} token={connection.token} onLeave={() => setConnection(null)} onError={() => setError(t("room.connectionFailed"))} />
      ) : null}
    </div>
  );
}
