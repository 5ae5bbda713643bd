import { addDays } from "@/server/calendar/days";

/** How long after a period ends its conseils de classe and bulletins keep the school's attention. */
export const COUNCIL_SEASON_DAYS = 42;

interface Period {
  id: string;
  startsOn: string;
  endsOn: string;
}

/**
 * The period whose bulletins are being prepared on a day: conseils de classe meet in the weeks after a period ends,
 * so for six weeks after its end a period stays the one bulletins open on; otherwise the period running that day,
 * else the latest one that began (between two school years, or after the last period).
 */
export function reportingPeriod<P extends Period>(periods: readonly P[], today: string): P | null {
  const ended = periods.filter((p) => p.endsOn < today).sort((a, b) => b.endsOn.localeCompare(a.endsOn));
  const justEnded = ended[0];
  if (justEnded && today <= addDays(justEnded.endsOn, COUNCIL_SEASON_DAYS)) return justEnded;
  const running = periods.find((p) => p.startsOn <= today && today <= p.endsOn);
  return running ?? justEnded ?? periods[0] ?? null;
}
