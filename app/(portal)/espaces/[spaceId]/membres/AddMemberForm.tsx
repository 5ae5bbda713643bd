"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import { FormAlert, useFormErrors } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import styles from "../../spaces.module.css";

/** Finds people of the establishment by name (a group-work team: its class's pupils) and adds one with a role. */
export function AddMemberForm({ spaceId, pupilsOnly }: { spaceId: string; pupilsOnly: boolean }) {
  const t = useTranslations("spaces.members");
  const tRoles = useTranslations("spaces.roles");
  const tAll = useTranslations();
  const router = useRouter();
  const trpc = useTRPC();
  const [query, setQuery] = useState("");
  const searching = query.trim().length >= 2;
  const candidates = useQuery(trpc.spaces.candidates.queryOptions({ spaceId, query: query.trim() }, { enabled: searching }));
  const add = useMutation(trpc.spaces.setMember.mutationOptions());
  const { error, reset, showFailure } = useFormErrors<"person">();
  const id = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset();
    const form = new FormData(event.currentTarget);
    const personId = String(form.get("person") ?? "");
    if (!personId) return;
    try {
      await add.mutateAsync({ spaceId, personId, role: form.get("role") as "owner" | "contributor" | "reader" });
      setQuery("");
      router.refresh();
    } catch (cause) {
      showFailure(cause, tAll("errors.internal"));
    }
  }

  return (
    <form className={`${ui.card} ${ui.stack}`} onSubmit={submit}>
      <h3>{t("add")}</h3>
      <FormAlert message={error} />
      <div className={ui.field}>
        <label className={ui.label} htmlFor={`${id}-search`}>
          {pupilsOnly ? t("searchPupil") : t("search")}
        </label>
        <input className={ui.input} id={`${id}-search`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} maxLength={60} />
      </div>
      {searching && candidates.data ? (
        candidates.data.length ? (
          <fieldset className={ui.stack}>
            <legend className={ui.label}>{t("found")}</legend>
            {candidates.data.map((person) => (
              <label key={person.id} className={ui.checkbox}>
                <input type="radio" name="person" value={person.id} required /> {person.firstName} {person.lastName}
              </label>
            ))}
          </fieldset>
        ) : (
          <p role="status">{t("noneFound")}</p>
        )
      ) : null}
      <div className={styles.inline}>
        <div className={ui.field}>
          <label className={ui.label} htmlFor={`${id}-role`}>
            {t("role")}
          </label>
          <select className={ui.input} id={`${id}-role`} name="role" defaultValue="contributor">
            {(["owner", "contributor", "reader"] as const).map((role) => (
              <option key={role} value={role}>
                {tRoles(role)}
              </option>
            ))}
          </select>
        </div>
        <button className={ui.button} type="submit" disabled={add.isPending || !candidates.data?.length}>
          {t("addSubmit")}
        </button>
      </div>
    </form>
  );
}
