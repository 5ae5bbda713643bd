import { useTranslations } from "next-intl";
import { halvesOf } from "@/server/attendance/school-day";

export interface DescribedAbsence {
  kind: "absence" | "late";
  startsAt: Date;
  endsAt: Date;
  minutesLate: number | null;
  /** the lesson's subject when a roll call recorded it */
  subject: string | null;
}

type Translate = ReturnType<typeof useTranslations<"attendance">>;

/**
 * When an absence or a late happened, as people say it: the lesson missed, the half-days of a longer absence, or
 * the time a pupil arrived.
 */
export function describeAbsence(t: Translate, absence: DescribedAbsence): string {
  const { kind, startsAt, endsAt, minutesLate, subject } = absence;
  if (kind === "late") {
    const minutes = minutesLate ?? 0;
    return subject
      ? t("when.lessonLate", { subject, day: startsAt, minutes })
      : t("when.late", { day: startsAt, arrived: endsAt, minutes });
  }
  if (subject) return t("when.lesson", { subject, day: startsAt, start: startsAt, end: endsAt });
  const { from, to } = halvesOf(absence);
  const lastInstant = new Date(endsAt.getTime() - 1);
  if (from.day === to.day) {
    return t("when.oneDay", { day: startsAt, half: t(`halves.${from.half === to.half ? from.half : "day"}`) });
  }
  return t("when.days", {
    from: startsAt,
    fromHalf: t(`halves.${from.half}`),
    to: lastInstant,
    toHalf: t(`halves.${to.half}`),
  });
}

/** The same, as a component usable from server and client components alike. */
export function AbsenceWhen({ absence }: { absence: DescribedAbsence }) {
  return describeAbsence(useTranslations("attendance"), absence);
}
