import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { serverCaller } from "@/server/trpc/request-context";
import { guarded } from "../../../guarded";
import styles from "../../spaces.module.css";
import { CreateDocumentForm } from "./CreateDocumentForm";
import { DocumentActions } from "./DocumentActions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("spaces"))("documents.title") };
}

/** The space's co-edited documents; each opens in the document editor. */
export default async function DocumentsPage({ params }: { params: Promise<{ spaceId: string }> }) {
  const { spaceId } = await params;
  const { ctx, api } = await serverCaller();
  const t = await getTranslations("spaces.documents");
  const format = await getFormatter();
  const [space, documents] = await Promise.all([guarded(() => api.spaces.get({ spaceId })), guarded(() => api.spaces.documents({ spaceId }))]);
  const writes = (space.role === "owner" || space.role === "contributor") && !space.archived;
  return (
    <section className={ui.stack} aria-labelledby="documents-title">
      <h2 id="documents-title">{t("title")}</h2>
      {writes ? <CreateDocumentForm spaceId={spaceId} /> : null}
      {documents.length ? (
        <ul className={styles.list}>
          {documents.map((document) => (
            <li key={document.id} className={styles.item}>
              <div className={styles.itemMain}>
                <Link href={`/espaces/${spaceId}/documents/${document.id}`}>
                  <strong>{document.title}</strong>
                </Link>
                <span className={styles.meta}>
                  {t("changed", { when: format.dateTime(document.updatedAt, { dateStyle: "medium", timeStyle: "short" }) })}
                  {document.creatorFirstName ? ` · ${t("by", { name: `${document.creatorFirstName} ${document.creatorLastName}` })}` : ""}
                </span>
              </div>
              {writes && (space.role === "owner" || document.createdBy === ctx.actor?.personId) ? (
                <DocumentActions documentId={document.id} title={document.title} />
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className={ui.card}>{t("empty")}</p>
      )}
    </section>
  );
}
