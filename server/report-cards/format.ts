/** An average as bulletins print it, always with two decimals (14,50), or a dash when there is none. */
export function formatAverage(value: number | null | undefined, locale: string): string {
  if (value == null) return "—";
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}
