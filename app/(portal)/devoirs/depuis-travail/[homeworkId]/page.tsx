import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { serverCaller } from "@/server/trpc/request-context";
import { guarded } from "../../../guarded";
import { CreateAssignmentForm } from "../../CreateAssignmentForm";

/**
 * From a homework of the cahier de textes that is to be handed in, to the form that sets its assignment: in the
 * lesson's class space, or here for the lesson's teaching group.
 */
export default async function FromHomeworkPage({ params }: { params: Promise<{ homeworkId: string }> }) {
  const { homeworkId } = await params;
  const { api } = await serverCaller();
  const { spaceId, group } = await guarded(() => api.handIns.homeworkPlace({ homeworkId }));
  if (spaceId) redirect(`/espaces/${spaceId}/devoirs?travail=${homeworkId}`);
  const t = await getTranslations("handIns");
  return (
    <div className={ui.stack}>
      <h1>{t("title")}</h1>
      {group ? (
        <CreateAssignmentForm place={{ groups: [group] }} homeworkId={homeworkId} />
      ) : (
        <>
          <p className={ui.card}>{t("links.noClassSpace")}</p>
          <p>
            <Link href="/espaces">{t("links.spaces")}</Link>
          </p>
        </>
      )}
    </div>
  );
}
