"use client";

import { useTranslations } from "next-intl";
import ui from "@/app/components/ui.module.css";
import styles from "./admin.module.css";
import type { Role } from "@/server/policy/roles";

export const ROLES: Role[] = ["student", "guardian", "teacher", "direction", "cpe", "secretariat", "agent", "admin"];

export function rolesOf(form: FormData): Role[] {
  return form.getAll("roles").map(String) as Role[];
}

/** The profiles a person holds in the establishment, staff roles and admin rights included, as checkboxes. */
export function RoleChoices({ selected, error }: { selected: Role[]; error?: string }) {
  const t = useTranslations();
  return (
    <fieldset className={`${ui.stack} ${styles.fieldset}`} aria-describedby={error ? "roles-error" : undefined}>
      <legend className={ui.label}>{t("admin.accounts.profiles")}</legend>
      {ROLES.map((role) => (
        <label key={role} className={ui.checkbox}>
          <input type="checkbox" name="roles" value={role} defaultChecked={selected.includes(role)} />
          <span>{t(`roles.${role}`)}</span>
        </label>
      ))}
      {error ? (
        <p className={ui.fieldError} id="roles-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
