import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { reportCardLayout } from "@/server/report-cards/pdf/layout";
import { serverCaller } from "@/server/trpc/request-context";
import { guarded } from "../guarded";
import { PeriodChips } from "../PeriodChips";
import { ReportCardView } from "./ReportCardView";

interface Props {
  studentId: string;
  periodId?: string;
  /** The page's address, to which the period choice is added. */
  basePath: string;
}

/** A pupil's published bulletins: one per period, shown on the page as printed, with its PDF. Drafts never show. */
export async function PupilReportCards({ studentId, periodId, basePath }: Props) {
  const { ctx, api } = await serverCaller();
  const t = await getTranslations("reportCards");
  const published = await guarded(() => api.reportCards.studentCards({ studentId }));
  if (published.length === 0) return <p className={ui.card}>{t("family.noneYet")}</p>;
  const chosen = published.find((p) => p.periodId === periodId) ?? published.at(-1)!;
  const card = await guarded(() => api.reportCards.studentCard({ studentId, periodId: chosen.periodId }));
  const separator = basePath.includes("?") ? "&" : "?";
  return (
    <div className={ui.stack}>
      <PeriodChips
        periods={published.map((p) => ({ id: p.periodId, kind: p.kind, ordinal: p.ordinal }))}
        selectedId={chosen.periodId}
        hrefOf={(id) => `${basePath}${separator}periode=${id}`}
        label={t("family.choose")}
      />
      <p>
        {/* A download, not a page: a plain link. */}
        <a href={`/api/bulletins/eleve/${studentId}/${chosen.periodId}`} download>
          {t("family.download")}
        </a>
      </p>
      {card ? <ReportCardView layout={reportCardLayout(card, ctx.locale)} id={`card-${studentId}`} /> : null}
    </div>
  );
}
