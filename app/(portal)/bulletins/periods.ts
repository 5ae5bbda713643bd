import { notFound } from "next/navigation";
import type { ServerApi } from "@/server/trpc/request-context";

/** The establishment's periods and the one a page shows: the one asked for (?periode=), else the current one. */
export async function shownPeriod(api: ServerApi, asked: string | undefined) {
  const { periods, currentId } = await api.grades.periods();
  const periodId = periods.find((p) => p.id === asked)?.id ?? currentId;
  if (!periodId) notFound();
  return { periods, periodId };
}
