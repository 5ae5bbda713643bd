/**
 * Whether a pupil SIECLE still lists has left the establishment: SIECLE keeps the year's leavers with the date they
 * left (`DATE_SORTIE`, `Date Sortie`). Any date but one still to come means they have left.
 */
export function hasLeft(leavingDate: string, today = new Date()): boolean {
  const value = leavingDate.trim();
  if (!value) return false;
  const french = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  const [year, month, day] = french ? [french[3], french[2], french[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!year) return true;
  const leaves = new Date(Number(year), Number(month) - 1, Number(day));
  const midnight = new Date(today.getFullYear(), today.getMonth(), today.getDate());
  return leaves <= midnight;
}
