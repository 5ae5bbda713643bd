import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { pupilName, reportCardLayout } from "@/server/report-cards/pdf/layout";
import { serverCaller } from "@/server/trpc/request-context";
import { guarded } from "../../../guarded";
import styles from "../../bulletins.module.css";
import { GeneralAppreciationField } from "../../GeneralAppreciationField";
import { PeriodChips } from "../../../PeriodChips";
import { shownPeriod } from "../../periods";
import { ReportCardView } from "../../ReportCardView";
import { StatusActions } from "../../StatusActions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reportCards"))("title") };
}

type Params = Promise<{ classId: string }>;
type Search = Promise<{ periode?: string }>;

/**
 * The conseil de classe: every pupil's bulletin of the class on one page, all subjects' averages and appréciations;
 * the professeur principal writes the general appréciations here, direction validates and publishes.
 */
export default async function CouncilPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const [{ classId }, { periode }] = await Promise.all([params, searchParams]);
  const { ctx, api } = await serverCaller();
  const t = await getTranslations("reportCards");
  const { periods, periodId } = await shownPeriod(api, periode);
  const council = await guarded(() => api.reportCards.council({ classId, periodId }));
  const className = council.class.name;
  return (
    <div className={ui.stack}>
      <p>
        <Link href="/bulletins">{t("title")}</Link>
      </p>
      <h1>{t("council.title", { className })}</h1>
      <PeriodChips
        periods={periods}
        selectedId={periodId}
        hrefOf={(id) => `/bulletins/classe/${classId}?periode=${id}`}
        label={t("period")}
      />
      <div className={`${ui.card} ${styles.toolbar}`}>
        <span className={`${ui.chip} ${styles.status}`} data-status={council.status.status}>
          {t(`statuses.${council.status.status}`)}
        </span>
        <p>{t(`statusHelp.${council.status.status}`)}</p>
        {council.may.manage ? (
          <StatusActions classId={classId} className={className} periodId={periodId} status={council.status.status} />
        ) : null}
        {council.cards.length > 0 ? (
          <a href={`/api/bulletins/classe/${classId}/${periodId}`} download>
            {t("council.downloadClass")}
          </a>
        ) : null}
      </div>
      <p className={ui.muted}>{t("council.intro")}</p>
      {council.cards.length === 0 ? <p className={ui.card}>{t("council.noPupils")}</p> : null}
      <nav aria-label={t("council.pupilsNav")}>
        <ul className={ui.chips}>
          {council.cards.map((card) => (
            <li key={card.pupil.id}>
              <a href={`#pupil-${card.pupil.id}`}>{pupilName(card.pupil)}</a>
            </li>
          ))}
        </ul>
      </nav>
      {council.cards.map((card) => {
        const name = pupilName(card.pupil);
        return (
          <div key={card.pupil.id} id={`pupil-${card.pupil.id}`}>
            <ReportCardView
              layout={reportCardLayout(card, ctx.locale)}
              id={`council-${card.pupil.id}`}
              heading={name}
              general={
                council.may.writeGeneral ? (
                  <GeneralAppreciationField
                    classId={classId}
                    periodId={periodId}
                    studentId={card.pupil.id}
                    label={t("council.generalFor", { name })}
                    initial={card.generalAppreciation ?? ""}
                  />
                ) : undefined
              }
            />
          </div>
        );
      })}
    </div>
  );
}
