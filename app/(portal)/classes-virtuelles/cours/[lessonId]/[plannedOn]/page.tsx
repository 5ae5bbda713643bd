import { notFound, redirect } from "next/navigation";
import { serverCaller } from "@/server/trpc/request-context";
import { guarded } from "../../../../guarded";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Where a remote lesson's join button leads: the lesson occurrence's virtual class (made on first opening). */
export default async function RemoteLessonPage({ params }: { params: Promise<{ lessonId: string; plannedOn: string }> }) {
  const { lessonId, plannedOn } = await params;
  if (!UUID.test(lessonId) || !DAY.test(plannedOn)) notFound();
  const { api } = await serverCaller();
  const { id } = await guarded(() => api.virtualClasses.ofOccurrence({ lessonId, plannedOn }));
  redirect(`/classes-virtuelles/${id}`);
}
