import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { guarded } from "@/app/(portal)/guarded";
import { CollaborativeEditor } from "@/app/components/CollaborativeEditor";
import ui from "@/app/components/ui.module.css";
import { serverCaller } from "@/server/trpc/request-context";
import { Contributions } from "./Contributions";
import styles from "./document.module.css";
import { VersionHistory } from "./VersionHistory";

type Params = Promise<{ spaceId: string; documentId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { documentId } = await params;
  const { api } = await serverCaller();
  const document = await api.documents.open({ documentId }).catch(() => null);
  return { title: document?.title ?? (await getTranslations("documents"))("loading") };
}

/**
 * A co-edited document of a space: the live editor, its versions, and who wrote what (everyone's for the teachers
 * of the space, one's own for the others).
 */
export default async function DocumentPage({ params }: { params: Params }) {
  const { spaceId, documentId } = await params;
  const { api } = await serverCaller();
  const t = await getTranslations("documents");
  const document = await guarded(() => api.documents.open({ documentId }));
  if (document.spaceId !== spaceId) notFound();
  const contributions = await api.documents.contributions({ documentId });
  return (
    <div className={ui.stack}>
      <p>
        <Link href={`/espaces/${spaceId}`}>{t("backToSpace", { space: document.spaceName })}</Link>
      </p>
      <h1 id="document-title">{document.title}</h1>
      <CollaborativeEditor
        documentId={documentId}
        labelId="document-title"
        me={document.me}
        readOnly={document.access === "read"}
        imageUploadUrl={`/api/espaces/${spaceId}/images`}
      />
      <div className={styles.panels}>
        <VersionHistory documentId={documentId} canRestore={document.access === "write"} />
        <Contributions all={contributions.all} people={contributions.people} />
      </div>
    </div>
  );
}
