"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTRPC } from "@/app/trpc/client";

/** The announcements shown on the page count as read by this person (their authors see how many read them). */
export function MarkSeen({ ids }: { ids: string[] }) {
  const trpc = useTRPC();
  const { mutate } = useMutation(trpc.news.markRead.mutationOptions());
  const key = ids.join(",");
  useEffect(() => {
    for (const announcementId of key ? key.split(",") : []) mutate({ announcementId });
  }, [key, mutate]);
  return null;
}
