import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { isSuperAdmin } from "@/server/admin/establishments";
import { serverCaller } from "@/server/trpc/request-context";
import styles from "../admin.module.css";
import { EstablishmentForm } from "./EstablishmentForm";
import { EstablishmentRow } from "./EstablishmentRow";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.establishments"))("title") };
}

/** The installation's establishments, for its super-administrators: the list, each one's details to correct, and a new one. */
export default async function EstablishmentsPage() {
  const { ctx, api } = await serverCaller();
  if (!ctx.actor || !(await isSuperAdmin(ctx.db, ctx.actor.personId))) forbidden();
  const t = await getTranslations();
  const list = await api.admin.establishments();
  return (
    <>
      <section className={`${ui.card} ${ui.stack}`} aria-labelledby="establishments-title">
        <h2 id="establishments-title">{t("admin.establishments.title")}</h2>
        <div className={styles.tableWrap} role="region" tabIndex={0} aria-labelledby="establishments-title">
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{t("admin.establishments.name")}</th>
                <th scope="col">{t("admin.establishments.uai")}</th>
                <th scope="col">{t("admin.establishments.kind")}</th>
                <th scope="col">{t("admin.establishments.city")}</th>
                <th scope="col">{t("admin.establishments.people")}</th>
                <th scope="col">{t("admin.establishments.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((establishment) => (
                <EstablishmentRow key={establishment.id} establishment={establishment} />
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className={`${ui.card} ${ui.stack}`} aria-labelledby="new-establishment-title">
        <h2 id="new-establishment-title">{t("admin.establishments.createTitle")}</h2>
        <p>{t("admin.establishments.createIntro")}</p>
        <EstablishmentForm />
      </section>
    </>
  );
}
