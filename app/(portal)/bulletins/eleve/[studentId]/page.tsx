import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { serverCaller } from "@/server/trpc/request-context";
import { guarded } from "../../../guarded";
import { PupilReportCards } from "../../PupilReportCards";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reportCards"))("title") };
}

type Params = Promise<{ studentId: string }>;
type Search = Promise<{ periode?: string }>;

/** A pupil's published bulletins, for their teachers and the staff who follow them (from the pupil's card). */
export default async function PupilReportCardsPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const [{ studentId }, { periode }] = await Promise.all([params, searchParams]);
  const { api } = await serverCaller();
  const t = await getTranslations();
  const pupil = await guarded(() => api.directory.studentCard({ studentId }));
  return (
    <div className={ui.stack}>
      <p>
        <Link href={`/annuaire/eleve/${studentId}`}>
          {pupil.firstName} {pupil.lastName}
        </Link>
      </p>
      <h1>{t("reportCards.family.of", { name: `${pupil.firstName} ${pupil.lastName}` })}</h1>
      <PupilReportCards studentId={studentId} periodId={periode} basePath={`/bulletins/eleve/${studentId}`} />
    </div>
  );
}
