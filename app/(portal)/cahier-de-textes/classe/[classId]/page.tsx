import Link from "next/link";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { serverCaller } from "@/server/trpc/request-context";
import { guarded } from "../../../guarded";
import { LogbookEntries } from "../../LogbookEntries";
import { LogbookPager } from "../../LogbookPager";
import { ofSubject, SubjectFilter } from "../../SubjectFilter";

type Params = Promise<{ classId: string }>;
type Search = Promise<{ jusqu?: string; matiere?: string }>;

/** A class's cahier de textes, day by day, read-only: for direction, vie scolaire and the class's teachers. */
export default async function ClassLogbookPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const [{ classId }, { jusqu, matiere }] = await Promise.all([params, searchParams]);
  const { api } = await serverCaller();
  const t = await getTranslations("homework");
  const until = /^\d{4}-\d{2}-\d{2}$/.test(jusqu ?? "") ? jusqu : undefined;
  const logbook = await guarded(() => api.homework.classLogbook({ classId, until }));
  const shown = ofSubject(logbook.entries, matiere);
  const base = `/cahier-de-textes/classe/${classId}?`;
  const pageOf = (code: string | null) => `${base}${until ? `jusqu=${until}&` : ""}${code ? `matiere=${encodeURIComponent(code)}` : ""}`;
  return (
    <div className={ui.stack}>
      <p>
        <Link href="/cahier-de-textes">{t("logbookTitle")}</Link>
      </p>
      <h1>{t("classLogbookOf", { name: logbook.className })}</h1>
      <p className={ui.muted}>
        {t("logbook.range", { from: new Date(`${logbook.from}T12:00:00Z`), to: new Date(`${logbook.to}T12:00:00Z`) })}
      </p>
      <SubjectFilter entries={logbook.entries} selected={matiere} pageOf={pageOf} />
      {shown.length ? <LogbookEntries entries={shown} groupBy="day" /> : <p className={ui.card}>{t("logbook.empty")}</p>}
      <LogbookPager base={`${base}${matiere ? `matiere=${encodeURIComponent(matiere)}&` : ""}`} range={logbook} />
    </div>
  );
}
