import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { serverCaller } from "@/server/trpc/request-context";
import { Composer } from "./Composer";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("messaging"))("compose") };
}

/** A new message: to people found by name, to role-based lists, or to a shared inbox, as the rules allow. */
export default async function ComposePage({ searchParams }: { searchParams: Promise<{ a?: string }> }) {
  const { a } = await searchParams;
  const { api } = await serverCaller();
  const t = await getTranslations("messaging");
  const book = await api.messaging.addressBook();
  const inbox = book.inboxes.find((i) => i === a) ?? null;
  return (
    <div className={ui.stack}>
      <h1>{t("compose")}</h1>
      <Composer inboxes={book.inboxes} lists={book.lists} initialInbox={inbox} />
    </div>
  );
}
