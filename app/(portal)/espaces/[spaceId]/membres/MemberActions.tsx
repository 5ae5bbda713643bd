"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { FormAlert, useFormErrors } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import styles from "../../spaces.module.css";

type Role = "owner" | "contributor" | "reader";

/** Changes a member's role, or removes them from the space (its owners). */
export function MemberActions({ spaceId, personId, name, role }: { spaceId: string; personId: string; name: string; role: Role }) {
  const t = useTranslations("spaces");
  const tAll = useTranslations();
  const router = useRouter();
  const trpc = useTRPC();
  const setMember = useMutation(trpc.spaces.setMember.mutationOptions());
  const remove = useMutation(trpc.spaces.removeMember.mutationOptions());
  const { error, reset, showFailure } = useFormErrors<"role">();
  const id = useId();

  const run = async (action: () => Promise<unknown>) => {
    reset();
    try {
      await action();
      router.refresh();
    } catch (cause) {
      showFailure(cause, tAll("errors.internal"));
    }
  };

  return (
    <div className={styles.actions}>
      <FormAlert message={error} />
      <label className="visually-hidden" htmlFor={id}>
        {t("members.roleOf", { name })}
      </label>
      <select
        className={ui.input}
        id={id}
        defaultValue={role}
        onChange={(event) => run(() => setMember.mutateAsync({ spaceId, personId, role: event.target.value as Role }))}
      >
        {(["owner", "contributor", "reader"] as const).map((option) => (
          <option key={option} value={option}>
            {t(`roles.${option}`)}
          </option>
        ))}
      </select>
      <button
        className={`${ui.button} ${ui.secondary}`}
        type="button"
        onClick={() => {
          if (window.confirm(t("members.removeConfirm", { name }))) run(() => remove.mutateAsync({ spaceId, personId }));
        }}
      >
        {t("members.remove")}
        <span className="visually-hidden"> — {name}</span>
      </button>
    </div>
  );
}
