import Link from "next/link";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { serverCaller } from "@/server/trpc/request-context";
import { guarded } from "../../../guarded";
import { StudentReport } from "../../StudentReport";

type Params = Promise<{ studentId: string }>;
type Search = Promise<{ periode?: string }>;

/** A pupil's report for the adults who follow them: their teachers, direction, vie scolaire, secrétariat. */
export default async function StudentGradesPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const [{ studentId }, { periode }] = await Promise.all([params, searchParams]);
  const { api } = await serverCaller();
  const t = await getTranslations();
  const card = await guarded(() => api.directory.studentCard({ studentId }));
  return (
    <div className={ui.stack}>
      <p>
        <Link href={`/annuaire/eleve/${studentId}`}>
          {card.firstName} {card.lastName}
        </Link>
      </p>
      <h1>{t("grades.reportOf", { name: `${card.firstName} ${card.lastName}` })}</h1>
      <StudentReport api={api} studentId={studentId} periodId={periode} basePath={`/notes/eleve/${studentId}`} />
    </div>
  );
}
