import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { RichText } from "@/app/components/RichText";
import ui from "@/app/components/ui.module.css";
import { serverCaller } from "@/server/trpc/request-context";
import { guarded } from "../../guarded";
import styles from "../../espaces/spaces.module.css";
import { DueAt, HandInBadge } from "../Due";
import { HandInPanel } from "./HandInPanel";
import { ReturnForm } from "./ReturnForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("handIns"))("title") };
}

/** An assignment: its instructions; the pupil's or team's own hand-in; for its teacher, every hand-in and who is missing. */
export default async function AssignmentPage({ params }: { params: Promise<{ assignmentId: string }> }) {
  const { assignmentId } = await params;
  const { api } = await serverCaller();
  const t = await getTranslations("handIns");
  const format = await getFormatter();
  const view = await guarded(() => api.handIns.get({ assignmentId }));
  const { assignment, handIn } = view;
  const review = view.reviews ? await api.handIns.review({ assignmentId }) : [];
  const handedIn = review.filter((row) => row.handIn).length;
  return (
    <div className={ui.stack}>
      <p>
        <Link href="/devoirs">{t("back")}</Link>
      </p>
      <h1>{assignment.title}</h1>
      <p className={styles.meta}>
        {assignment.spaceId ? <Link href={`/espaces/${assignment.spaceId}/devoirs`}>{assignment.placeName}</Link> : assignment.placeName} ·{" "}
        <DueAt at={assignment.dueAt} />
      </p>
      <section className={ui.card} aria-labelledby="instructions">
        <h2 id="instructions">{t("instructions")}</h2>
        <RichText doc={assignment.instructions} />
      </section>
      {view.handsIn ? (
        <HandInPanel
          assignmentId={assignmentId}
          beforeDue={view.now < assignment.dueAt}
          closed={view.archived}
          handIn={
            handIn
              ? {
                  status: handIn.status,
                  handedInAt: handIn.handedInAt ? format.dateTime(handIn.handedInAt, { dateStyle: "medium", timeStyle: "short" }) : null,
                  late: Boolean(handIn.handedInAt && handIn.handedInAt > assignment.dueAt),
                  documentId: handIn.documentId,
                  documentSpaceId: handIn.documentSpaceId,
                  files: handIn.files.map((file) => ({ storedFileId: file.storedFileId, name: file.name })),
                  corrections: handIn.corrections.map((file) => ({ storedFileId: file.storedFileId, name: file.name })),
                  comment: handIn.comment,
                  mark: handIn.mark,
                  markOutOf: handIn.markOutOf,
                }
              : null
          }
        />
      ) : null}
      {view.reviews ? (
        <section className={ui.stack} aria-labelledby="hand-ins">
          <h2 id="hand-ins">{t("review.title")}</h2>
          <p>{t("review.count", { handedIn, total: review.length })}</p>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{t("review.who")}</th>
                <th scope="col">{t("review.status")}</th>
                <th scope="col">{t("review.work")}</th>
                <th scope="col">{t("review.return")}</th>
              </tr>
            </thead>
            <tbody>
              {review.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.name}</th>
                  <td>
                    <HandInBadge status={row.handIn?.status ?? null} late={row.handIn?.late ?? false} />
                    {row.handIn?.handedInAt ? (
                      <span className={styles.meta}> {format.dateTime(row.handIn.handedInAt, { dateStyle: "short", timeStyle: "short" })}</span>
                    ) : null}
                  </td>
                  <td>
                    {row.handIn ? (
                      <ul className={styles.breadcrumb}>
                        {row.handIn.files.map((file) => (
                          <li key={file.storedFileId}>
                            <a href={`/api/fichiers/${file.storedFileId}`} download>
                              {file.name}
                            </a>
                          </li>
                        ))}
                        {row.handIn.documentId ? (
                          <li>
                            <Link href={`/espaces/${row.handIn.documentSpaceId}/documents/${row.handIn.documentId}`}>{t("document")}</Link>
                          </li>
                        ) : null}
                      </ul>
                    ) : null}
                  </td>
                  <td>
                    {row.handIn && view.archived ? (
                      <p>
                        {row.handIn.mark !== null ? `${t("work.mark", { mark: row.handIn.mark, outOf: row.handIn.markOutOf ?? 20 })} · ` : ""}
                        {row.handIn.comment}
                      </p>
                    ) : row.handIn ? (
                      <ReturnForm
                        handInId={row.handIn.id}
                        who={row.name}
                        returned={row.handIn.status === "returned"}
                        comment={row.handIn.comment}
                        mark={row.handIn.mark}
                        markOutOf={row.handIn.markOutOf}
                        corrections={row.handIn.corrections}
                      />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </div>
  );
}
