import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { serverCaller } from "@/server/trpc/request-context";
import { guarded } from "../../guarded";
import { MeetingRoom } from "./MeetingRoom";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("virtualClasses"))("meetings.title") };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A parent–teacher meeting: only its teacher and the guardian who booked it reach this page (the policy decides). */
export default async function MeetingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const { api } = await serverCaller();
  const t = await getTranslations("virtualClasses");
  const meeting = await guarded(() => api.virtualClasses.meeting({ slotId: id }));
  return (
    <div className={ui.stack}>
      <p>
        <Link href="/rendez-vous">{t("meeting.back")}</Link>
      </p>
      <div>
        <h1>{t("meeting.title", { teacher: meeting.teacherName })}</h1>
        <p className={ui.muted}>
          {t("meetings.slot", { start: meeting.startsAt, minutes: meeting.minutes })}
          {meeting.studentName ? ` · ${t("meeting.about", { student: meeting.studentName })}` : ""}
        </p>
      </div>
      <MeetingRoom slotId={id} />
    </div>
  );
}
