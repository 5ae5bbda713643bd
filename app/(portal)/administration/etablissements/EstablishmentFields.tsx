import { useTranslations } from "next-intl";
import { TextField } from "@/app/components/TextField";
import ui from "@/app/components/ui.module.css";

const KINDS = ["ecole", "college", "lycee"] as const;

export type EstablishmentField = "uai" | "name" | "kind" | "city";

/** What identifies and describes an establishment, as its forms send it. */
export interface EstablishmentDetails {
  uai: string;
  name: string;
  kind: (typeof KINDS)[number];
  city: string | null;
}

interface Props {
  /** Prefixes the inputs' ids when the page shows several of these forms; none for the new establishment's. */
  idPrefix?: string;
  /** The details as they are, when correcting them. */
  details?: EstablishmentDetails;
  errors: Partial<Record<EstablishmentField, string>>;
}

/** An establishment's UAI, name, kind (école, collège, lycée) and city, the same when creating and correcting it. */
export function EstablishmentFields({ idPrefix = "", details, errors }: Props) {
  const t = useTranslations();
  const id = (field: EstablishmentField) => `${idPrefix}${field}`;
  return (
    <>
      <TextField name="uai" id={id("uai")} label={t("admin.establishments.uai")} hint={t("admin.establishments.uaiHint")} defaultValue={details?.uai} error={errors.uai} />
      <TextField name="name" id={id("name")} label={t("admin.establishments.name")} defaultValue={details?.name} error={errors.name} />
      <div className={ui.field}>
        <label className={ui.label} htmlFor={id("kind")}>
          {t("admin.establishments.kind")}
        </label>
        <select className={ui.input} id={id("kind")} name="kind" defaultValue={details?.kind ?? "college"}>
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`establishmentKinds.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      <TextField name="city" id={id("city")} label={t("admin.establishments.city")} defaultValue={details?.city ?? ""} error={errors.city} />
    </>
  );
}

/** The details a form of these fields holds, trimmed; an empty city is none. */
export function establishmentDetailsOf(form: HTMLFormElement): EstablishmentDetails {
  const data = new FormData(form);
  const text = (name: EstablishmentField) => String(data.get(name) ?? "").trim();
  return { uai: text("uai"), name: text("name"), kind: text("kind") as EstablishmentDetails["kind"], city: text("city") || null };
}
