"use client";

import { useRouter } from "next/navigation";
import { useLiveEvents } from "../LiveEvents";

/** Re-renders the page (its server data) when a message arrives, or when a carnet note changes if asked. */
export function RefreshOnMessage({ carnet = false }: { carnet?: boolean }) {
  const router = useRouter();
  useLiveEvents((event) => {
    if (event.type === "message" || (carnet && event.type === "carnet")) router.refresh();
  });
  return null;
}
