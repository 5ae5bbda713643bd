"use client";

import "@livekit/components-styles";
import { LiveKitRoom, VideoConference } from "@livekit/components-react";
import type { ReactNode } from "react";
import styles from "./virtual-classes.module.css";

interface Props {
  url: string;
  token: string;
  onLeave: () => void;
  /** the connection failed (server unreachable, token refused) */
  onError: () => void;
  /** what goes beside the room (raised hands, the host's controls), inside the room's context */
  children?: ReactNode;
}

/**
 * A LiveKit room with LiveKit's own React components: the video grid (with the active speaker outlined and a focus
 * view for a shared screen), the chat and the control bar; what the page adds beside it. Camera and microphone start
 * off: each person turns them on, within what their token allows.
 */
export function LiveRoom({ url, token, onLeave, onError, children }: Props) {
  return (
    <LiveKitRoom serverUrl={url} token={token} connect audio={false} video={false} onDisconnected={onLeave} onError={onError} data-lk-theme="default">
      <div className={styles.room}>
        <VideoConference />
      </div>
      {children ? <div className={styles.side}>{children}</div> : null}
    </LiveKitRoom>
  );
}
