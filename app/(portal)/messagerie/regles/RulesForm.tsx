"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { FormAlert, useFormErrors } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import { type CommunicationRules, RULE_KEYS } from "@/server/messaging/rule-keys";
import styles from "../messaging.module.css";

const GROUPS = {
  students: RULE_KEYS.filter((k) => k.startsWith("students")),
  guardians: RULE_KEYS.filter((k) => k.startsWith("guardians")),
};

/** Ticks for what pupils and families may do; teachers and staff always write to anyone of the establishment. */
export function RulesForm({ initial }: { initial: CommunicationRules }) {
  const t = useTranslations("messaging.rules");
  const tAll = useTranslations();
  const trpc = useTRPC();
  const save = useMutation(trpc.messaging.saveRules.mutationOptions());
  const [rules, setRules] = useState(initial);
  const { error, reset, showFailure } = useFormErrors<never>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    reset();
    try {
      await save.mutateAsync(rules);
    } catch (cause) {
      showFailure(cause, tAll("errors.internal"));
    }
  }

  return (
    <form className={`${ui.card} ${ui.stack}`} onSubmit={submit}>
      <FormAlert message={error} />
      {(Object.keys(GROUPS) as (keyof typeof GROUPS)[]).map((group) => (
        <fieldset key={group} className={styles.fieldset}>
          <legend>{t(`groups.${group}`)}</legend>
          {GROUPS[group].map((key) => (
            <label key={key} className={ui.checkbox}>
              <input type="checkbox" checked={rules[key]} onChange={(e) => setRules({ ...rules, [key]: e.currentTarget.checked })} /> {t(`keys.${key}`)}
            </label>
          ))}
        </fieldset>
      ))}
      <p className={ui.hint}>{t("staff")}</p>
      <p>
        <button className={ui.button} type="submit" disabled={save.isPending}>
          {t("save")}
        </button>
      </p>
      {save.isSuccess ? (
        <p className={ui.success} role="status">
          {t("saved")}
        </p>
      ) : null}
    </form>
  );
}
