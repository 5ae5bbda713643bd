import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { serverCaller } from "@/server/trpc/request-context";
import { guarded } from "../../../guarded";

/**
 * From a homework of the cahier de textes that is to be handed in, to the form that sets its assignment in the
 * lesson's class space (a group's lesson has none: the teacher picks a space).
 */
export default async function FromHomeworkPage({ params }: { params: Promise<{ homeworkId: string }> }) {
  const { homeworkId } = await params;
  const { api } = await serverCaller();
  const { spaceId } = await guarded(() => api.handIns.homeworkSpace({ homeworkId }));
  if (spaceId) redirect(`/espaces/${spaceId}/devoirs?travail=${homeworkId}`);
  const t = await getTranslations("handIns");
  return (
    <div className={ui.stack}>
      <h1>{t("title")}</h1>
      <p className={ui.card}>{t("links.noClassSpace")}</p>
      <p>
        <Link href="/espaces">{t("links.spaces")}</Link>
      </p>
    </div>
  );
}
