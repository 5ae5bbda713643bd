"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { FormAlert, useFormErrors } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import { ALLERGENS } from "@/server/news/allergens";
import styles from "../../messagerie/messaging.module.css";

const COURSES = 4;
type Week = { day: string; courses: { name: string; allergens: string[] }[] }[];

/** Writes one day's menu: up to four courses, each with the allergens it contains. An empty day removes the menu. */
export function MenuForm({ week }: { week: Week }) {
  const t = useTranslations("news.canteen");
  const tAll = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const save = useMutation(trpc.news.saveCanteenDay.mutationOptions());
  const [day, setDay] = useState(week[0].day);
  const { error, reset, showFailure } = useFormErrors<never>();
  const current = week.find((m) => m.day === day)?.courses ?? [];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset();
    const form = new FormData(event.currentTarget);
    const courses = Array.from({ length: COURSES }, (_, i) => ({
      name: String(form.get(`name-${i}`) ?? "").trim(),
      allergens: form.getAll(`allergens-${i}`).map(String) as (typeof ALLERGENS)[number][],
    })).filter((c) => c.name);
    try {
      await save.mutateAsync({ day, courses });
      router.refresh();
    } catch (cause) {
      showFailure(cause, tAll("errors.internal"));
    }
  }

  return (
    <form key={day} className={`${ui.card} ${ui.stack}`} onSubmit={submit} aria-labelledby="menu-edit">
      <h2 id="menu-edit">{t("edit")}</h2>
      <FormAlert message={error} />
      <div className={ui.field}>
        <label className={ui.label} htmlFor="menu-day">
          {t("day")}
        </label>
        <select className={ui.input} id="menu-day" value={day} onChange={(e) => setDay(e.currentTarget.value)}>
          {week.map((m) => (
            <option key={m.day} value={m.day}>
              {m.day}
            </option>
          ))}
        </select>
      </div>
      {Array.from({ length: COURSES }, (_, i) => (
        <fieldset key={i} className={styles.fieldset}>
          <legend>{t("course", { number: i + 1 })}</legend>
          <div className={ui.field}>
            <label className={ui.label} htmlFor={`menu-name-${i}`}>
              {t("courseName")}
            </label>
            <input className={ui.input} id={`menu-name-${i}`} name={`name-${i}`} maxLength={120} defaultValue={current[i]?.name ?? ""} />
          </div>
          <div className={styles.options}>
            {ALLERGENS.map((allergen) => (
              <label key={allergen} className={ui.checkbox}>
                <input type="checkbox" name={`allergens-${i}`} value={allergen} defaultChecked={current[i]?.allergens.includes(allergen)} />{" "}
                {t(`allergenNames.${allergen}`)}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
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
