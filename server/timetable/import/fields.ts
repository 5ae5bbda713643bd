import { normalised } from "./csv";

/** The values of a timetable CSV line, read the way French school files write them. */

const DAYS: Record<string, number> = {
  lundi: 1, lun: 1,
  mardi: 2, mar: 2,
  mercredi: 3, mer: 3,
  jeudi: 4, jeu: 4,
  vendredi: 5, ven: 5,
  samedi: 6, sam: 6,
};

/** "Lundi", "lun.", "MARDI" → ISO weekday 1…6; null when it is no school day. */
export function weekdayOf(text: string): number | null {
  return DAYS[normalised(text).replace(/\.$/, "")] ?? null;
}

/** "8h", "8h30", "08:30", "8:30", "08h30" → "08:30"; null when it is no time of day. */
export function timeOf(text: string): string | null {
  const match = /^(\d{1,2})\s*[:hH]\s*(\d{2})?$/.exec(text.trim());
  if (!match) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2] ?? "0")];
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
}

/** Empty → every week; "A" or "B" (any case, "semaine A" too) → that week only; undefined when unreadable. */
export function weeksOf(text: string): "every" | "A" | "B" | undefined {
  const value = normalised(text).replace(/^(semaine|sem\.?)\s*/, "");
  if (value === "") return "every";
  if (value === "a") return "A";
  if (value === "b") return "B";
  return undefined;
}

/** "04/01/2027" (JJ/MM/AAAA) or "2027-01-04" → "2027-01-04"; null when it is no real date. */
export function dateOf(text: string): string | null {
  const value = text.trim();
  const french = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const [year, month, day] = french
    ? [Number(french[3]), Number(french[2]), Number(french[1])]
    : iso
      ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
      : [0, 0, 0];
  if (!year) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** The names of a teachers cell: "dupont.marie / martin.paul", "DUPONT Marie + MARTIN Paul" or, quoted, "a,b". */
export function teacherNames(text: string): string[] {
  return text.split(/[/+,|]/).map((name) => name.trim()).filter(Boolean);
}
