import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { serverCaller } from "@/server/trpc/request-context";
import { guarded } from "../../../guarded";
import { ArchiveButton } from "./ArchiveButton";
import { SpaceDetailsForm } from "./SpaceDetailsForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("spaces"))("settings.title") };
}

/**
 * Réglages: a team's or group-work team's owners rename it, change its description and archive it; once it is
 * archived, they bring it back from here. A class space has none: it is its class's.
 */
export default async function SpaceSettingsPage({ params }: { params: Promise<{ spaceId: string }> }) {
  const { spaceId } = await params;
  const { api } = await serverCaller();
  const t = await getTranslations("spaces.settings");
  const space = await guarded(() => api.spaces.get({ spaceId }));
  if (!space.editable && !space.restorable) forbidden();
  return (
    <section className={ui.stack} aria-labelledby="settings-title">
      <h2 id="settings-title">{t("title")}</h2>
      {space.editable ? <SpaceDetailsForm spaceId={spaceId} name={space.name} description={space.description} /> : null}
      <section className={`${ui.card} ${ui.stack}`} aria-labelledby="archive-title">
        <h3 id="archive-title">{space.archived ? t("restore.title") : t("archive.title")}</h3>
        <p>{space.archived ? t("restore.explanation") : t("archive.explanation")}</p>
        <div>
          <ArchiveButton spaceId={spaceId} archived={space.archived} />
        </div>
      </section>
    </section>
  );
}
