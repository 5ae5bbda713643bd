"use client";

import { useLocale, useTranslations } from "next-intl";
import { roundForDisplay } from "@/server/grades/averages";
import ui from "@/app/components/ui.module.css";
import { formatMark } from "../../mark-input";

export type StatisticsValue = { average: number; min: number; max: number; count: number } | null;

/** Class average, lowest and highest mark of an evaluation. */
export function Statistics({ value }: { value: StatisticsValue }) {
  const t = useTranslations("grades");
  const locale = useLocale();
  const show = (x: number) => formatMark(roundForDisplay(x), locale);
  return (
    <p className={ui.muted} aria-live="polite">
      {value ? t("statistics", { average: show(value.average), min: show(value.min), max: show(value.max) }) : t("noStatistics")}
    </p>
  );
}
