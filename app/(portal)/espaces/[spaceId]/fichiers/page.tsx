import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { serverCaller } from "@/server/trpc/request-context";
import { guarded } from "../../../guarded";
import { FileBrowser } from "../../files/FileBrowser";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("spaces"))("files.title") };
}

type Props = { params: Promise<{ spaceId: string }>; searchParams: Promise<{ dossier?: string }> };

/** The space's files, folder by folder (families: only what is shared with them). */
export default async function SpaceFilesPage({ params, searchParams }: Props) {
  const { spaceId } = await params;
  const { dossier } = await searchParams;
  const { api } = await serverCaller();
  const t = await getTranslations("spaces.files");
  const space = await guarded(() => api.spaces.get({ spaceId }));
  return (
    <section className={ui.stack} aria-labelledby="files-title">
      <h2 id="files-title">{t("title")}</h2>
      <FileBrowser
        spaceId={spaceId}
        folderId={dossier && /^[0-9a-f-]{36}$/.test(dossier) ? dossier : null}
        basePath={`/espaces/${spaceId}/fichiers`}
        familySharing={space.kind === "class"}
        owns={space.role === "owner"}
      />
    </section>
  );
}
