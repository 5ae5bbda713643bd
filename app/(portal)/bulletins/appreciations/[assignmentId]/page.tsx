import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { formatAverage } from "@/server/report-cards/format";
import { APPRECIATION_MAX_LENGTH } from "@/server/report-cards/limits";
import { pupilName } from "@/server/report-cards/pdf/layout";
import { serverCaller } from "@/server/trpc/request-context";
import { guarded } from "../../../guarded";
import styles from "../../bulletins.module.css";
import { PeriodChips } from "../../../PeriodChips";
import { shownPeriod } from "../../periods";
import { SubjectAppreciationField } from "../../SubjectAppreciationField";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reportCards"))("title") };
}

type Params = Promise<{ assignmentId: string }>;
type Search = Promise<{ periode?: string }>;

/**
 * A teacher's appréciations for one class or group and period: each pupil with their average in the subject, and
 * the appréciation, saved as it is typed. Pupils whose class's bulletins are validated are shown locked.
 */
export default async function AppreciationsPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const [{ assignmentId }, { periode }] = await Promise.all([params, searchParams]);
  const { ctx, api } = await serverCaller();
  const t = await getTranslations("reportCards");
  const { periods, periodId } = await shownPeriod(api, periode);
  const sheet = await guarded(() => api.reportCards.assignmentSheet({ assignmentId, periodId }));
  const target = sheet.assignment.className ?? sheet.assignment.groupName ?? "";
  const isGroup = sheet.assignment.groupId !== null;
  return (
    <div className={ui.stack}>
      <p>
        <Link href={`/notes/service/${assignmentId}`}>{t("sheet.back")}</Link>
      </p>
      <h1>{t("sheet.title", { subject: sheet.assignment.subject, target })}</h1>
      <PeriodChips
        periods={periods}
        selectedId={periodId}
        hrefOf={(id) => `/bulletins/appreciations/${assignmentId}?periode=${id}`}
        label={t("period")}
      />
      <section className={`${ui.card} ${ui.stack}`} aria-labelledby="sheet-pupils">
        <h2 id="sheet-pupils" className="visually-hidden">
          {t("pupil")}
        </h2>
        <div>
          <p className={ui.hint}>{t("sheet.help", { max: APPRECIATION_MAX_LENGTH })}</p>
          <p>
            {t(isGroup ? "sheet.groupAverage" : "sheet.classAverage", {
              value: formatAverage(sheet.classAverage, ctx.locale),
            })}
          </p>
        </div>
        {sheet.pupils.length === 0 ? <p>{t("sheet.noPupils")}</p> : null}
        <ul className={styles.sheet}>
          {sheet.pupils.map((pupil) => {
            const name = pupilName(pupil);
            return (
              <li key={pupil.id} className={styles.sheetRow}>
                <div className={styles.pupil}>
                  <span className={styles.pupilName}>{name}</span>
                  {isGroup && pupil.className ? <span className={ui.muted}>{pupil.className}</span> : null}
                  <span>{t("labelValue", { label: t("average"), value: formatAverage(pupil.average, ctx.locale) })}</span>
                </div>
                <SubjectAppreciationField
                  assignmentId={assignmentId}
                  periodId={periodId}
                  studentId={pupil.id}
                  label={t("sheet.appreciationFor", { name })}
                  initial={pupil.appreciation}
                  locked={pupil.locked}
                  lockedHint={t("sheet.lockedHelp")}
                />
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
