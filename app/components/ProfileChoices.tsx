"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { AUDIENCE_PROFILES } from "@/server/policy/roles";
import styles from "./ProfileChoices.module.css";
import ui from "./ui.module.css";

export type AudienceProfile = (typeof AUDIENCE_PROFILES)[number];

/** The profiles ticked in a form holding a ProfileChoices. */
export function profilesOf(form: FormData): AudienceProfile[] {
  return form.getAll("roles").map(String) as AudienceProfile[];
}

/**
 * The profiles an announcement or a calendar event is narrowed to (pupils, guardians, teachers), as checkboxes named
 * `roles`; none ticked means everyone of its audience.
 */
export function ProfileChoices({ legend, hint, className }: { legend: string; hint: string; className?: string }) {
  const t = useTranslations("roles");
  const hintId = useId();
  return (
    <fieldset className={className} aria-describedby={hintId}>
      <legend className={ui.label}>{legend}</legend>
      <p className={ui.hint} id={hintId}>
        {hint}
      </p>
      <div className={styles.options}>
        {AUDIENCE_PROFILES.map((role) => (
          <label key={role} className={ui.checkbox}>
            <input type="checkbox" name="roles" value={role} /> {t(role)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
