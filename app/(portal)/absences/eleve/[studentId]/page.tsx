import Link from "next/link";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { serverCaller } from "@/server/trpc/request-context";
import { guarded } from "../../../guarded";
import { PupilAbsences } from "../../PupilAbsences";

type Params = Promise<{ studentId: string }>;
type Search = Promise<{ periode?: string }>;

/** A pupil's absences for the adults who follow them: vie scolaire, direction, the professeur principal. */
export default async function StudentAbsencesPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const [{ studentId }, { periode }] = await Promise.all([params, searchParams]);
  const { api } = await serverCaller();
  const t = await getTranslations("attendance");
  const card = await guarded(() => api.directory.studentCard({ studentId }));
  const name = `${card.firstName} ${card.lastName}`;
  return (
    <div className={ui.stack}>
      <p>
        <Link href={`/annuaire/eleve/${studentId}`}>{name}</Link>
      </p>
      <h1>{t("pupil.ofChild", { name })}</h1>
      <PupilAbsences api={api} studentId={studentId} periodId={periode} basePath={`/absences/eleve/${studentId}`} canJustify={false} />
    </div>
  );
}
