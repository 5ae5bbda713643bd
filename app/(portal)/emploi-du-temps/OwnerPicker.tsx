"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import ui from "@/app/components/ui.module.css";
import styles from "./timetable.module.css";

export interface OwnerOptionGroup {
  label: string;
  options: { href: string; label: string }[];
}

/** Whose week to show: the person's own, a class, a group, a teacher or a room, as the page offers them. */
export function OwnerPicker({ groups, current, label }: { groups: OwnerOptionGroup[]; current: string; label?: string }) {
  const t = useTranslations("timetable.owner");
  const router = useRouter();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    router.push(String(new FormData(event.currentTarget).get("owner")));
  }
  return (
    <form className={styles.picker} onSubmit={submit}>
      <div className={`${ui.field} ${styles.field}`}>
        <label className={ui.label} htmlFor="owner">
          {label ?? t("label")}
        </label>
        <select className={ui.input} id="owner" name="owner" defaultValue={current} key={current}>
          {groups.map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.options.map((option) => (
                <option key={option.href} value={option.href}>
                  {option.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <button type="submit" className={`${ui.button} ${ui.secondary}`}>
        {t("show")}
      </button>
    </form>
  );
}
