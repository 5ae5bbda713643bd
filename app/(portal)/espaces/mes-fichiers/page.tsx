import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { FileBrowser } from "../files/FileBrowser";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("spaces"))("myFiles.title") };
}

/** Mes fichiers: the person's own files, seen by nobody else. */
export default async function MyFilesPage({ searchParams }: { searchParams: Promise<{ dossier?: string }> }) {
  const { dossier } = await searchParams;
  const t = await getTranslations("spaces");
  return (
    <div className={ui.stack}>
      <p>
        <Link href="/espaces">{t("back")}</Link>
      </p>
      <h1>{t("myFiles.title")}</h1>
      <p className={ui.muted}>{t("myFiles.intro")}</p>
      <FileBrowser
        spaceId={null}
        folderId={dossier && /^[0-9a-f-]{36}$/.test(dossier) ? dossier : null}
        basePath="/espaces/mes-fichiers"
        familySharing={false}
        owns
      />
    </div>
  );
}
