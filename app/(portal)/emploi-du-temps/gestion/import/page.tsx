import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { TIMETABLE_EDITOR_ROLES } from "@/server/policy/roles";
import { hasRole } from "@/server/policy/scope";
import { COLUMNS } from "@/server/timetable/import/csv";
import { serverCaller } from "@/server/trpc/request-context";
import tables from "../../../notes/notes.module.css";
import styles from "../../timetable.module.css";
import { ImportForm } from "./ImportForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("timetable"))("import.title") };
}

/** Importing a timetable from a CSV file: the columns it reads (docs/timetable-import.md), then the file. */
export default async function ImportPage() {
  const { ctx } = await serverCaller();
  if (!ctx.actor?.scope || !hasRole(ctx.actor.scope, ...TIMETABLE_EDITOR_ROLES)) forbidden();
  const t = await getTranslations("timetable.import");
  const example = "jour;debut;fin;matiere;enseignants;classe;groupe;salle;semaine;du;au\nlundi;08:00;09:00;MATHS;julien.garnier;4eB;;Salle 101;;;\nmardi;10h15;11h15;ESP2;MARTIN Lucie;;4e Espagnol 1;Salle 204;A;;";
  return (
    <>
      <section className={`${ui.card} ${ui.stack}`} aria-labelledby="columns-title">
        <h2 id="columns-title">{t("columnsTitle")}</h2>
        <p>{t("columnsIntro")}</p>
        <div className={`${tables.tableWrap} ${styles.scrollBox}`} role="region" tabIndex={0} aria-labelledby="columns-title">
          <table className={`${tables.table} ${styles.columns}`}>
            <thead>
              <tr>
                <th scope="col">{t("column")}</th>
                <th scope="col">{t("content")}</th>
                <th scope="col">{t("example")}</th>
              </tr>
            </thead>
            <tbody>
              {COLUMNS.map((column) => (
                <tr key={column}>
                  <th scope="row">
                    <code>{column}</code>
                  </th>
                  <td>{t(`columns.${column}.content`)}</td>
                  <td>
                    <code>{t(`columns.${column}.example`)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <details>
          <summary>{t("exampleFile")}</summary>
          <pre className={styles.example}>{example}</pre>
        </details>
      </section>
      <section className={`${ui.card} ${ui.stack}`} aria-labelledby="import-title">
        <h2 id="import-title">{t("title")}</h2>
        <ImportForm />
      </section>
    </>
  );
}
