import Link from "next/link";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import notes from "./notes/notes.module.css";

interface Props {
  periods: { id: string; kind: "trimester" | "semester"; ordinal: number }[];
  selectedId: string | null | undefined;
  /** The page's address for a period. */
  hrefOf: (periodId: string) => string;
  /** What the choice is about, for screen readers ("Période", "Choisir le bulletin"). */
  label: string;
}

/** The periods a page can show (1er trimestre, 2e trimestre...), the shown one marked: relevés, absences, bulletins. */
export async function PeriodChips({ periods, selectedId, hrefOf, label }: Props) {
  const t = await getTranslations("home.periods");
  return (
    <nav aria-label={label}>
      <ul className={ui.chips}>
        {periods.map((period) => (
          <li key={period.id}>
            <Link
              className={notes.periodLink}
              href={hrefOf(period.id)}
              aria-current={period.id === selectedId ? "true" : undefined}
            >
              {t(period.kind, { ordinal: period.ordinal })}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
