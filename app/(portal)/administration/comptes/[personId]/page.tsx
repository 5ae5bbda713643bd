import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { serverCaller } from "@/server/trpc/request-context";
import { AccountActions } from "./AccountActions";
import { MergeAccount } from "./MergeAccount";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.account"))("title") };
}

/** One person as the administrator sees them: profiles, classes, children, guardians, and what can be done. */
export default async function AccountPage({ params, searchParams }: { params: Promise<{ personId: string }>; searchParams: Promise<{ merged?: string }> }) {
  const [{ personId }, { merged }] = await Promise.all([params, searchParams]);
  const { api } = await serverCaller();
  const t = await getTranslations();
  const format = await getFormatter();
  const person = await api.admin.account({ personId });
  const names = (list: { firstName: string; lastName: string }[]) => list.map((p) => `${p.lastName} ${p.firstName}`).join(", ") || "—";
  const rows: [string, string][] = [
    [t("admin.accounts.login"), person.login],
    [t("admin.accounts.status"), t(`admin.statuses.${person.status}`)],
    [t("admin.accounts.profiles"), person.roles.map((r) => t(`roles.${r}`)).join(", ")],
    [t("admin.account.classes"), person.classes.map((c) => c.name).join(", ") || "—"],
    [t("admin.account.children"), names(person.children)],
    [t("admin.account.guardians"), names(person.guardians)],
    [t("admin.accounts.email"), person.email ?? "—"],
    [t("admin.accounts.phone"), person.phone ?? "—"],
    ...(person.activationExpiresAt ? [[t("admin.account.codeExpires"), format.dateTime(person.activationExpiresAt, { dateStyle: "long" })] as [string, string]] : []),
    ...(person.erasureDueAt ? [[t("admin.account.erasureDue"), format.dateTime(person.erasureDueAt, { dateStyle: "long" })] as [string, string]] : []),
  ];
  return (
    <>
      <p>
        <Link href="/administration">{t("admin.account.back")}</Link>
      </p>
      {merged ? (
        <p className={ui.success} role="status">
          {t("admin.merge.merged")}
        </p>
      ) : null}
      <section className={`${ui.card} ${ui.stack}`} aria-labelledby="person-title">
        <h2 id="person-title">
          {person.lastName} {person.firstName}
        </h2>
        <dl>
          {rows.map(([label, value]) => (
            <div key={label}>
              <dt className={ui.label}>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <p>
          <Link href={`/administration/journal?personId=${person.id}`}>{t("admin.account.auditLink")}</Link>
        </p>
      </section>
      <AccountActions person={person} />
      <MergeAccount person={person} />
    </>
  );
}
