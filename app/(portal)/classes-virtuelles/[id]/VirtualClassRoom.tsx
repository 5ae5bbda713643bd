"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormAlert } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import { useLiveEvents } from "../../LiveEvents";
import { AttendancePanel } from "../AttendancePanel";
import { HostControls } from "../HostControls";
import { LiveRoom } from "../LiveRoom";
import { PupilPermissions } from "../PupilPermissions";
import { RaisedHands } from "../RaisedHands";
import { rememberedHand } from "../remembered-hand";
import styles from "../virtual-classes.module.css";

/**
 * A lobby learns that its class started from the live channel; should the channel be down, the waiting page (room not
 * open yet, lobby) still asks the server again this often.
 */
const WAITING_FALLBACK_MS = 60_000;
/** Around the room's opening, by the person's clock, which may differ from the server's, the page asks this often. */
const OPENING_RETRY_MS = 5_000;

/** When the page asks the server again for its room: at the room's opening, in the lobby now and then, not otherwise. */
function nextLook(room: { state: string; opensAt: Date } | undefined): number | false {
  if (room?.state === "early") return Math.min(WAITING_FALLBACK_MS, Math.max(OPENING_RETRY_MS, room.opensAt.getTime() - Date.now()));
  return room?.state === "lobby" ? WAITING_FALLBACK_MS : false;
}

/**
 * A virtual class's page, following the room's state: not open yet, lobby (the teacher may start), live (enter: the
 * page asks the server for a token), over (the teacher reviews the attendance). The server decides every step.
 */
export function VirtualClassRoom({ id }: { id: string }) {
  const t = useTranslations("virtualClasses");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const roomQuery = trpc.virtualClasses.room.queryOptions({ id });
  const { data: room } = useQuery({ ...roomQuery, refetchInterval: (query) => nextLook(query.state.data) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: roomQuery.queryKey });
  useLiveEvents((event) => {
    if (event.type === "virtualClass" && event.virtualClassId === id) void refresh();
  });
  const token = useMutation(trpc.virtualClasses.token.mutationOptions());
  const start = useMutation(trpc.virtualClasses.start.mutationOptions());
  const end = useMutation(trpc.virtualClasses.end.mutationOptions());
  const [connection, setConnection] = useState<{ url: string; token: string } | null>(null);
  const [left, setLeft] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!room) return null;

  async function run(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
    } catch (cause) {
      setError((cause as Error).message);
    }
    await refresh();
  }
  const enter = () => run(async () => {
    setConnection(await token.mutateAsync({ id, handRaisedAt: rememberedHand(id) }));
    setLeft(false);
  });
  const endForEveryone = () => window.confirm(t("room.endConfirm")) && run(async () => {
    await end.mutateAsync({ id });
    setConnection(null);
  });

  if (!room.configured) return <p className={ui.alert}>{t("notConfigured")}</p>;
  return (
    <div className={ui.stack}>
      <FormAlert message={error} />
      <p role="status" className={ui.card}>
        {room.state === "early" ? t("room.early", { time: room.opensAt }) : null}
        {room.state === "lobby" ? (room.host ? t("room.lobbyHost") : t("room.lobby", { hosts: room.hosts.join(", ") })) : null}
        {room.state === "live" ? (left ? t("room.disconnected") : t("room.live")) : null}
        {room.state === "ended" ? t("room.ended") : null}
        {room.state === "withdrawn" ? t(room.cancelled ? "room.cancelled" : "room.withdrawn") : null}
      </p>
      <div className={styles.actions}>
        {room.host && room.state === "lobby" ? (
          <button type="button" className={ui.button} onClick={() => run(() => start.mutateAsync({ id }))} disabled={start.isPending}>
            {t("room.start")}
          </button>
        ) : null}
        {room.state === "live" && !connection ? (
          <button type="button" className={ui.button} onClick={enter} disabled={token.isPending}>
            {t("room.enter")}
          </button>
        ) : null}
        {room.host && (room.state === "live" || room.state === "lobby") ? (
          <button type="button" className={`${ui.button} ${ui.secondary}`} onClick={endForEveryone} disabled={end.isPending}>
            {t("room.end")}
          </button>
        ) : null}
      </div>
      {connection && room.state === "live" ? (
        <LiveRoom
          url={connection.url}
          token={connection.token}
          onLeave={() => (setConnection(null), setLeft(true), refresh())}
          onError={() => setError(t("room.connectionFailed"))}
        >
          <RaisedHands id={id} host={room.host} />
          {room.host ? <HostControls id={id} /> : null}
        </LiveRoom>
      ) : null}
      {room.host && room.state !== "ended" && room.state !== "withdrawn" ? <PupilPermissions id={id} initial={room.pupils} /> : null}
      {room.host && room.state === "ended" ? <AttendancePanel id={id} rollCall={room.rollCall} confirmedAt={room.attendanceConfirmedAt} /> : null}
    </div>
  );
}
