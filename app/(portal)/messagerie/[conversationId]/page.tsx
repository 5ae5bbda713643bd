import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { serverCaller } from "@/server/trpc/request-context";
import { guarded } from "../../guarded";
import { Thread } from "./Thread";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("messaging"))("title") };
}

/** One conversation: its messages, read as the page opens, and new ones as they arrive. */
export default async function ConversationPage({ params }: { params: Promise<{ conversationId: string }> }) {
  const { conversationId } = await params;
  const { api } = await serverCaller();
  if (!/^[0-9a-f-]{36}$/i.test(conversationId)) return guarded(() => Promise.reject(new Error("not a conversation")));
  const thread = await guarded(() => api.messaging.thread({ conversationId }));
  await api.messaging.markRead({ conversationId });
  return <Thread initial={thread} />;
}
