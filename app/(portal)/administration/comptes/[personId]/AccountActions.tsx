"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { TextField } from "@/app/components/TextField";
import { FormAlert, useFormErrors } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import type { Role } from "@/server/policy/roles";
import styles from "../../admin.module.css";
import { downloadBase64 } from "../../download";
import { RoleChoices, rolesOf } from "../../RoleChoices";

interface Person {
  id: string;
  login: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  status: "pending" | "active" | "disabled";
  roles: Role[];
}

type Field = "firstName" | "lastName" | "email" | "phone" | "roles";

/** What an administrator does to an account: edit it, set its profiles, reissue its code, disable, export, erase. */
export function AccountActions({ person }: { person: Person }) {
  const t = useTranslations("admin.account");
  const trpc = useTRPC();
  const router = useRouter();
  const { fieldErrors, error, reset, showFailure } = useFormErrors<Field>();
  const [notice, setNotice] = useState<string | null>(null);
  const [code, setCode] = useState<string | null>(null);
  const update = useMutation(trpc.admin.updateAccount.mutationOptions());
  const setRoles = useMutation(trpc.admin.setRoles.mutationOptions());
  const disable = useMutation(trpc.admin.disableAccount.mutationOptions());
  const enable = useMutation(trpc.admin.enableAccount.mutationOptions());
  const issue = useMutation(trpc.admin.issueCode.mutationOptions());
  const exportData = useMutation(trpc.privacy.exportPerson.mutationOptions());
  const erase = useMutation(trpc.privacy.erasePerson.mutationOptions());

  async function run(action: () => Promise<unknown>, done: string) {
    reset();
    setNotice(null);
    try {
      await action();
      setNotice(done);
      router.refresh();
    } catch (cause) {
      showFailure(cause, t("notSaved"));
    }
  }

  function saveIdentity(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    void run(
      () => update.mutateAsync({ personId: person.id, firstName: text("firstName"), lastName: text("lastName"), email: text("email") || null, phone: text("phone") || null }),
      t("saved"),
    );
  }

  function saveRoles(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void run(() => setRoles.mutateAsync({ personId: person.id, roles: rolesOf(new FormData(event.currentTarget)) }), t("saved"));
  }

  const newCode = () =>
    run(async () => {
      const issued = await issue.mutateAsync({ personId: person.id });
      setCode(issued.code);
      downloadBase64(issued.pdf, `lettre-activation-${person.login}.pdf`, "application/pdf");
    }, t("codeIssued"));

  const download = () =>
    run(async () => {
      const { zip } = await exportData.mutateAsync({ personId: person.id });
      downloadBase64(zip, `donnees-${person.login}.zip`, "application/zip");
    }, t("exported"));

  const eraseAccount = () => {
    if (!window.confirm(t("eraseConfirm", { name: `${person.firstName} ${person.lastName}` }))) return;
    void run(async () => {
      await erase.mutateAsync({ personId: person.id });
      router.push("/administration");
    }, t("erased"));
  };

  return (
    <>
      <FormAlert message={error} />
      {notice ? (
        <p className={ui.success} role="status">
          {notice}
        </p>
      ) : null}
      {code ? (
        <p role="status">
          {t("codeShownOnce")} <span className={styles.code}>{code}</span>
        </p>
      ) : null}
      <section className={`${ui.card} ${ui.stack}`} aria-labelledby="access-title">
        <h2 id="access-title">{t("accessTitle")}</h2>
        <p className={ui.hint}>{t("codeHint")}</p>
        <div className={styles.row}>
          {person.status !== "disabled" ? (
            <button type="button" className={ui.button} onClick={() => void newCode()} disabled={issue.isPending}>
              {person.status === "active" ? t("resetPassword") : t("newCode")}
            </button>
          ) : null}
          {person.status === "disabled" ? (
            <button type="button" className={ui.button} onClick={() => void run(() => enable.mutateAsync({ personId: person.id }), t("enabled"))}>
              {t("enable")}
            </button>
          ) : (
            <button type="button" className={`${ui.button} ${ui.secondary}`} onClick={() => void run(() => disable.mutateAsync({ personId: person.id }), t("disabled"))}>
              {t("disable")}
            </button>
          )}
        </div>
      </section>
      <section className={`${ui.card} ${ui.stack}`} aria-labelledby="identity-title">
        <h2 id="identity-title">{t("identityTitle")}</h2>
        <form className={ui.stack} onSubmit={saveIdentity} noValidate>
          <TextField name="firstName" label={t("firstName")} defaultValue={person.firstName} error={fieldErrors.firstName} />
          <TextField name="lastName" label={t("lastName")} defaultValue={person.lastName} error={fieldErrors.lastName} />
          <TextField name="email" label={t("email")} type="email" defaultValue={person.email ?? ""} error={fieldErrors.email} />
          <TextField name="phone" label={t("phone")} type="tel" defaultValue={person.phone ?? ""} error={fieldErrors.phone} />
          <div>
            <button type="submit" className={ui.button}>
              {t("save")}
            </button>
          </div>
        </form>
      </section>
      <section className={`${ui.card} ${ui.stack}`} aria-labelledby="roles-title">
        <h2 id="roles-title">{t("rolesTitle")}</h2>
        <form className={ui.stack} onSubmit={saveRoles}>
          <RoleChoices selected={person.roles} error={fieldErrors.roles} />
          <div>
            <button type="submit" className={ui.button}>
              {t("saveRoles")}
            </button>
          </div>
        </form>
      </section>
      <section className={`${ui.card} ${ui.stack}`} aria-labelledby="privacy-title">
        <h2 id="privacy-title">{t("privacyTitle")}</h2>
        <p className={ui.hint}>{t("privacyHint")}</p>
        <div className={styles.row}>
          <button type="button" className={`${ui.button} ${ui.secondary}`} onClick={() => void download()}>
            {t("export")}
          </button>
          <button type="button" className={`${ui.button} ${ui.secondary}`} onClick={eraseAccount}>
            {t("erase")}
          </button>
        </div>
      </section>
    </>
  );
}
