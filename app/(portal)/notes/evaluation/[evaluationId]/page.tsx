import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { serverCaller } from "@/server/trpc/request-context";
import { guarded } from "../../../guarded";
import { formatMark } from "../../mark-input";
import styles from "../../notes.module.css";
import { MarkGrid } from "./MarkGrid";
import { PublishButton } from "./PublishButton";

/** The marking grid of one evaluation, for the teacher who gave it. */
export default async function EvaluationPage({ params }: { params: Promise<{ evaluationId: string }> }) {
  const { evaluationId } = await params;
  const { api } = await serverCaller();
  const [t, locale] = await Promise.all([getTranslations("grades"), getLocale()]);
  const sheet = await guarded(() => api.grades.markSheet({ evaluationId }));
  const { evaluation } = sheet;
  return (
    <div className={ui.stack}>
      <p>
        <Link href={`/notes/service/${evaluation.assignmentId}`}>{t("back")}</Link>
      </p>
      <h1>{t("sheetTitle", { title: evaluation.title, outOf: formatMark(evaluation.outOf, locale) })}</h1>
      <div className={styles.toolbar}>
        {evaluation.publishedAt ? (
          <p className={ui.success}>{t("publishedOn")}</p>
        ) : (
          <>
            <span className={ui.chip}>{t("draft")}</span>
            <PublishButton evaluationId={evaluation.id} />
          </>
        )}
      </div>
      <section className={ui.card}>
        <p className={ui.hint}>{t("sheetHelp")}</p>
        <MarkGrid
          evaluationId={evaluation.id}
          outOf={evaluation.outOf}
          statistics={sheet.statistics}
          pupils={sheet.pupils.map((p) => ({
            id: p.id,
            name: `${p.lastName.toUpperCase()} ${p.firstName}`,
            status: p.status,
            value: p.value,
            comment: p.comment,
          }))}
        />
      </section>
    </div>
  );
}
