"use client";

import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useEffect, useState } from "react";
import { IndexeddbPersistence } from "y-indexeddb";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { useTRPC } from "@/app/trpc/client";

export type ConnectionStatus = "connecting" | "connected" | "offline" | "denied";
export type Access = "write" | "read";

/** The app refused a ticket: the person may no longer open the document (left the team, document deleted, signed out). */
const refused = (error: unknown) =>
  error instanceof TRPCClientError && ["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "BAD_REQUEST"].includes(String(error.data?.code));

export interface Collaboration {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

/** Longest wait between two attempts to reconnect. */
const MAX_BACKOFF_MS = 10_000;

/**
 * A co-edited document in the browser: a Yjs document kept in IndexedDB (so it opens and takes edits offline), and
 * synchronised through the collaboration server of this origin (/collab/<id>) with a fresh ticket for every
 * connection (a ticket lives a minute). When the connection drops, edits go on locally; when it returns, a new ticket
 * is asked for and both sides exchange what the other lacks.
 */
export function useCollaboration(documentId: string, personId: string) {
  const trpc = useTRPC();
  const { mutateAsync: ticketFor } = useMutation(trpc.documents.ticket.mutationOptions());
  const [collaboration, setCollaboration] = useState<Collaboration | null>(null);
  const [status, setStatus] = useState<ConnectionStatus>("connecting");
  const [access, setAccess] = useState<Access | null>(null);

  useEffect(() => {
    const doc = new Y.Doc();
    const local = new IndexeddbPersistence(`preau:${personId}:${documentId}`, doc);
    const origin = `${window.location.protocol === "https:" ? "wss" : "ws"}://${window.location.host}/collab`;
    const provider = new WebsocketProvider(origin, documentId, doc, { connect: false, disableBc: true });
    let stopped = false;
    let attempts = 0;
    let retry: ReturnType<typeof setTimeout> | undefined;

    async function connect() {
      if (stopped) return;
      try {
        const { ticket, access: granted } = await ticketFor({ documentId });
        if (stopped) return;
        setAccess(granted);
        provider.params = { ticket };
        provider.connect();
      } catch (error) {
        if (refused(error)) {
          // Nothing more will be accepted: the editor turns read-only on what it shows, and stops retrying.
          setStatus("denied");
          setAccess(null);
          return;
        }
        setStatus("offline");
        reconnectLater();
      }
    }
    function reconnectLater() {
      if (stopped) return;
      attempts += 1;
      clearTimeout(retry);
      retry = setTimeout(() => void connect(), Math.min(MAX_BACKOFF_MS, 250 * 2 ** attempts));
    }

    provider.on("status", ({ status: next }) => {
      if (next === "connected") setStatus("connected");
    });
    provider.on("sync", (synced: boolean) => {
      if (synced) attempts = 0;
    });
    // The provider would retry with the same, soon expired, ticket: stop it and reconnect with a new one. The server
    // also closes a connection whose access changed: the new ticket brings the new access, or is refused.
    provider.on("connection-close", () => {
      if (stopped) return;
      setStatus(navigator.onLine ? "connecting" : "offline");
      // Right after the provider's own close handling, not inside it: disconnecting from within would re-enter it
      // (it emits this event before forgetting the socket) until the stack overflows, leaving a dead socket.
      queueMicrotask(() => {
        if (stopped) return;
        provider.disconnect();
        reconnectLater();
      });
    });
    // A lost network leaves the socket looking open (nothing closes it; the provider gives up on it only after 30 s
    // without a message): drop it when the browser says it is offline, so that the status tells the truth and the
    // connection is made anew, with a fresh ticket, as soon as the network is back.
    const goneOffline = () => {
      setStatus("offline");
      provider.disconnect();
    };
    const backOnline = () => {
      attempts = 0;
      if (!provider.wsconnected && !provider.wsconnecting) void connect();
    };
    window.addEventListener("offline", goneOffline);
    window.addEventListener("online", backOnline);

    // The editor opens on what this device kept, then the server brings in what it lacks.
    void local.whenSynced.then(() => {
      if (stopped) return;
      setCollaboration({ doc, provider });
      void connect();
    });

    return () => {
      stopped = true;
      clearTimeout(retry);
      window.removeEventListener("offline", goneOffline);
      window.removeEventListener("online", backOnline);
      provider.destroy();
      void local.destroy();
      doc.destroy();
      setCollaboration(null);
    };
  }, [documentId, personId, ticketFor]);

  return { collaboration, status, access };
}
