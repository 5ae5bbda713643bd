import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import type { Role } from "@/server/policy/roles";

interface Props {
  schoolYear: {
    label: string;
    current: { kind: "trimester" | "semester"; ordinal: number; endsOn: string } | null;
  } | null;
  roles: Role[];
}

export async function SchoolYearCard({ schoolYear, roles }: Props) {
  const t = await getTranslations();
  return (
    <section className={ui.card} aria-labelledby="school-year">
      <h2 id="school-year">{schoolYear ? t("home.schoolYear", { label: schoolYear.label }) : t("home.title")}</h2>
      {schoolYear ? (
        <p>
          {schoolYear.current
            ? t("home.currentPeriod", {
                period: t(`home.periods.${schoolYear.current.kind}`, { ordinal: schoolYear.current.ordinal }),
                end: new Date(`${schoolYear.current.endsOn}T12:00:00Z`),
              })
            : t("home.noCurrentPeriod")}
        </p>
      ) : null}
      <h3>{t("home.yourProfiles")}</h3>
      <ul className={ui.chips}>
        {roles.map((role) => (
          <li key={role} className={ui.chip}>
            {t(`roles.${role}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
