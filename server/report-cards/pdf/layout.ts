import type { Locale } from "@/app/i18n/locales";
import { serverTranslator } from "@/server/i18n/translate";
import { formatAverage } from "../format";
import type { ClassFigures, ReportCardSnapshot } from "../snapshot";

/** One subject's row of the bulletin's table, every cell already written in the reader's language. */
export interface SubjectRow {
  subject: string;
  teachers: string;
  pupilAverage: string;
  classAverage: string;
  min: string;
  max: string;
  appreciation: string;
}

/**
 * A bulletin as text to lay out, in the reader's language: what the PDF draws and the page shows, so that both say
 * exactly the same. Pure: no database, no PDF.
 */
export interface ReportCardLayout {
  /** "Bulletin du 1er trimestre" */
  title: string;
  /** The PDF's document title: "Bulletin · Emma Bernard · 1er trimestre" */
  documentTitle: string;
  establishment: { name: string; uai: string; city: string | null };
  /** "UAI 0691234A · Lyon" */
  establishmentLine: string;
  schoolYear: string;
  /** "Élève", "BERNARD Emma"; "Classe", "4eB"; "Professeur principal", ... */
  identity: { label: string; value: string }[];
  /** Set on a bulletin that is not published yet (conseil de classe, printing before publication). */
  draftMark: string | null;
  columns: { subject: string; pupilAverage: string; classAverage: string; min: string; max: string; appreciation: string };
  rows: SubjectRow[];
  /** "Moyenne générale : 13,04", and the class's figures beside it. */
  overall: { label: string; value: string; text: string; classFigures: string | null };
  absences: string | null;
  general: { title: string; text: string };
  validation: string | null;
  published: string | null;
  signature: string;
}

/** The pupil as bulletins and class lists name them: "BERNARD Emma". */
export function pupilName(pupil: { firstName: string; lastName: string }): string {
  return `${pupil.lastName.toUpperCase()} ${pupil.firstName}`;
}

export function reportCardLayout(card: ReportCardSnapshot, locale: Locale): ReportCardLayout {
  const t = serverTranslator(locale);
  const average = (value: number | null | undefined) => formatAverage(value, locale);
  const day = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "Europe/Paris" }).format(new Date(iso));
  const figures = (f: ClassFigures | null) =>
    f && t("reportCards.classFigures", { average: average(f.average), min: average(f.min), max: average(f.max) });
  const period = t(`home.periods.${card.period.kind}`, { ordinal: card.period.ordinal });
  const title = t("reportCards.periodTitle", { period });

  return {
    title,
    documentTitle: t("reportCards.pdf.title", { name: `${card.pupil.firstName} ${card.pupil.lastName}`, period }),
    establishment: card.establishment,
    establishmentLine: [t("reportCards.uai", { uai: card.establishment.uai }), card.establishment.city]
      .filter(Boolean)
      .join(" · "),
    schoolYear: t("reportCards.schoolYear", { label: card.schoolYear }),
    identity: [
      { label: t("reportCards.pupil"), value: pupilName(card.pupil) },
      { label: t("reportCards.class"), value: card.class.name },
      ...(card.leadTeacher ? [{ label: t("reportCards.leadTeacher"), value: card.leadTeacher }] : []),
    ],
    draftMark: card.publishedAt ? null : t("reportCards.draftMark"),
    columns: {
      subject: t("reportCards.subject"),
      pupilAverage: t("reportCards.pupilAverage"),
      classAverage: t("reportCards.classAverage"),
      min: t("reportCards.min"),
      max: t("reportCards.max"),
      appreciation: t("reportCards.appreciation"),
    },
    rows: card.subjects.map((line) => ({
      subject: line.subject,
      teachers: line.teachers.join(", "),
      pupilAverage: average(line.average),
      classAverage: average(line.class?.average),
      min: average(line.class?.min),
      max: average(line.class?.max),
      appreciation: line.appreciation ?? "",
    })),
    overall: {
      label: t("reportCards.overall"),
      value: average(card.overall.average),
      text: t("reportCards.labelValue", { label: t("reportCards.overall"), value: average(card.overall.average) }),
      classFigures: figures(card.overall.class),
    },
    absences:
      card.absences &&
      t("reportCards.absences", {
        halfDays: card.absences.halfDays,
        unjustified: card.absences.unjustifiedHalfDays,
        lates: card.absences.lates,
      }),
    general: { title: t("reportCards.generalAppreciation"), text: card.generalAppreciation ?? "" },
    validation: card.validation
      ? card.validation.by
        ? t("reportCards.validatedBy", { date: day(card.validation.at), name: card.validation.by })
        : t("reportCards.validatedOn", { date: day(card.validation.at) })
      : null,
    published: card.publishedAt ? t("reportCards.publishedOn", { date: day(card.publishedAt) }) : null,
    signature: t("reportCards.signature"),
  };
}
