"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import ui from "@/app/components/ui.module.css";
import { EditEstablishmentForm } from "./EditEstablishmentForm";
import type { EstablishmentDetails } from "./EstablishmentFields";

interface ListedEstablishment extends EstablishmentDetails {
  id: string;
  people: number;
}

/** An establishment of the list, and the form correcting its details below it while it is open. */
export function EstablishmentRow({ establishment }: { establishment: ListedEstablishment }) {
  const t = useTranslations();
  const [editing, setEditing] = useState(false);
  return (
    <>
      <tr>
        <th scope="row">{establishment.name}</th>
        <td>{establishment.uai}</td>
        <td>{t(`establishmentKinds.${establishment.kind}`)}</td>
        <td>{establishment.city ?? "—"}</td>
        <td>{establishment.people}</td>
        <td>
          <button type="button" className={ui.secondary} aria-expanded={editing} onClick={() => setEditing(!editing)}>
            {t("admin.establishments.edit")}
            <span className="visually-hidden"> {establishment.name}</span>
          </button>
        </td>
      </tr>
      {editing ? (
        <tr>
          <td colSpan={6}>
            <EditEstablishmentForm establishment={establishment} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
