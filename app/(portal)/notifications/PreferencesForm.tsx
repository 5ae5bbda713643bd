"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import type { MailDelivery, NotificationKind } from "@/server/notifications/kinds";
import type { MailPreference } from "@/server/notifications/preferences";

const DELIVERIES: MailDelivery[] = ["immediate", "digest", "none"];

/**
 * Per kind of notification the person may receive: an e-mail each time, the daily digest, or no e-mail (the centre
 * always has it).
 */
export function PreferencesForm({ initial }: { initial: MailPreference[] }) {
  const t = useTranslations("notifications.preferences");
  const tKinds = useTranslations("notifications.kindNames");
  const trpc = useTRPC();
  const save = useMutation(trpc.notifications.setPreference.mutationOptions());
  const [choices, setChoices] = useState(() => Object.fromEntries(initial.map(({ kind, mail }) => [kind, mail])) as Record<NotificationKind, MailDelivery>);

  function choose(kind: NotificationKind, mail: MailDelivery) {
    setChoices({ ...choices, [kind]: mail });
    save.mutate({ kind, mail });
  }

  return (
    <div className={ui.stack}>
      {initial.map(({ kind }) => (
        <div key={kind} className={ui.field}>
          <label className={ui.label} htmlFor={`mail-${kind}`}>
            {tKinds(kind)}
          </label>
          <select className={ui.input} id={`mail-${kind}`} value={choices[kind]} onChange={(e) => choose(kind, e.currentTarget.value as MailDelivery)}>
            {DELIVERIES.map((d) => (
              <option key={d} value={d}>
                {t(`deliveries.${d}`)}
              </option>
            ))}
          </select>
        </div>
      ))}
      {save.isSuccess ? (
        <p className={ui.success} role="status">
          {t("saved")}
        </p>
      ) : null}
    </div>
  );
}
