"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useId } from "react";
import { FormAlert, useFormErrors } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import styles from "../../espaces/spaces.module.css";
import { Corrections } from "./Corrections";

interface Props {
  handInId: string;
  who: string;
  returned: boolean;
  comment: string;
  mark: number | null;
  markOutOf: number | null;
  corrections: { storedFileId: string; name: string }[];
}

const numberOrNull = (value: FormDataEntryValue | null) => {
  const text = String(value ?? "").trim().replace(",", ".");
  return text === "" ? null : Number(text);
};

/** The teacher returns a hand-in with a comment and, if they wish, a mark out of a scale and corrected copies. */
export function ReturnForm({ handInId, who, returned, comment, mark, markOutOf, corrections }: Props) {
  const t = useTranslations("handIns.review");
  const tAll = useTranslations();
  const router = useRouter();
  const trpc = useTRPC();
  const giveBack = useMutation(trpc.handIns.return.mutationOptions());
  const { error, reset, showFailure } = useFormErrors<"comment" | "mark">();
  const id = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset();
    const form = new FormData(event.currentTarget);
    const givenMark = numberOrNull(form.get("mark"));
    try {
      await giveBack.mutateAsync({
        handInId,
        comment: String(form.get("comment") ?? ""),
        mark: givenMark,
        markOutOf: givenMark === null ? null : (numberOrNull(form.get("markOutOf")) ?? 20),
      });
      router.refresh();
    } catch (cause) {
      showFailure(cause, tAll("errors.internal"));
    }
  }

  return (
    <details open={!returned}>
      <summary>
        {returned ? t("returnAgain") : t("returnIt")}
        <span className="visually-hidden"> — {who}</span>
      </summary>
      <Corrections handInId={handInId} who={who} corrections={corrections} />
      <form className={ui.stack} onSubmit={submit} noValidate>
        <FormAlert message={error} />
        <div className={ui.field}>
          <label className={ui.label} htmlFor={`${id}-comment`}>
            {t("comment")}
          </label>
          <textarea className={ui.input} id={`${id}-comment`} name="comment" rows={3} maxLength={4000} defaultValue={comment} />
        </div>
        <div className={styles.inline}>
          <div className={ui.field}>
            <label className={ui.label} htmlFor={`${id}-mark`}>
              {t("mark")}
            </label>
            <input className={ui.input} id={`${id}-mark`} name="mark" inputMode="decimal" size={5} defaultValue={mark ?? ""} />
          </div>
          <div className={ui.field}>
            <label className={ui.label} htmlFor={`${id}-out-of`}>
              {t("outOf")}
            </label>
            <input className={ui.input} id={`${id}-out-of`} name="markOutOf" inputMode="numeric" size={4} defaultValue={markOutOf ?? 20} />
          </div>
          <button className={ui.button} type="submit" disabled={giveBack.isPending}>
            {t("submit")}
          </button>
        </div>
      </form>
    </details>
  );
}
