import { notFound } from "next/navigation";
import type { ServerApi } from "@/server/trpc/request-context";

/** The establishment's periods and the one a page shows: the one asked for (?periode=), else the one bulletins are prepared for. */
export async function shownPeriod(api: ServerApi, asked: string | undefined) {
  const { periods, reportingId } = await api.grades.periods();
  const periodId = periods.find((p) => p.id === asked)?.id ?? reportingId;
  if (!periodId) notFound();
  return { periods, periodId };
}
