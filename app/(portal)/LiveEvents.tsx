"use client";

import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from "react";
import type { LiveEvent } from "@/server/messaging/live";

type Listener = (event: LiveEvent) => void;

const LiveContext = createContext<{ listen(listener: Listener): () => void } | null>(null);

/**
 * The portal's one real-time channel: a single EventSource on /api/live for the whole page, shared by whoever
 * listens (the bell, an open conversation, a carnet note's follow-up). The browser reconnects it by itself.
 */
export function LiveEvents({ children }: { children: ReactNode }) {
  const listeners = useRef(new Set<Listener>());
  const [hub] = useState(() => ({
    listen(listener: Listener) {
      listeners.current.add(listener);
      return () => void listeners.current.delete(listener);
    },
  }));
  useEffect(() => {
    const source = new EventSource("/api/live");
    source.onmessage = (message) => {
      const event = JSON.parse(message.data as string) as LiveEvent;
      if (event.type === "closed") source.close();
      for (const listener of listeners.current) listener(event);
    };
    return () => source.close();
  }, []);
  return <LiveContext.Provider value={hub}>{children}</LiveContext.Provider>;
}

/** Calls `listener` with every live event of the signed-in person while the component is on the page. */
export function useLiveEvents(listener: Listener) {
  const hub = useContext(LiveContext);
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => hub?.listen((event) => latest.current(event)), [hub]);
}
