import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { serverCaller } from "@/server/trpc/request-context";
import { guarded } from "../../guarded";
import { VirtualClassRoom } from "./VirtualClassRoom";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("virtualClasses"))("title") };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One virtual class: for its teacher and its pupils only (the policy decides), whatever its state. */
export default async function VirtualClassPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { api } = await serverCaller();
  const t = await getTranslations("virtualClasses");
  if (!UUID.test(id)) notFound();
  const room = await guarded(() => api.virtualClasses.room({ id }));
  return (
    <div className={ui.stack}>
      <p>
        <Link href="/classes-virtuelles">{t("room.back")}</Link>
      </p>
      <div>
        <h1>{room.title}</h1>
        <p className={ui.muted}>{t("room.when", { start: room.startsAt, end: room.endsAt, audience: room.audience })}</p>
      </div>
      <VirtualClassRoom id={id} />
    </div>
  );
}
