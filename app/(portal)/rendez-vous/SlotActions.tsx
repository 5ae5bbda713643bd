"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { FormAlert } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import styles from "../classes-virtuelles/virtual-classes.module.css";

/** The teacher withdraws a free slot, or either side cancels a booked one. */
export function SlotButton({ slotId, action }: { slotId: string; action: "withdraw" | "cancel" }) {
  const t = useTranslations("virtualClasses.meetings");
  const trpc = useTRPC();
  const router = useRouter();
  const withdraw = useMutation(trpc.virtualClasses.withdrawSlot.mutationOptions());
  const cancel = useMutation(trpc.virtualClasses.cancelBooking.mutationOptions());
  const [error, setError] = useState<string | null>(null);

  async function run() {
    setError(null);
    try {
      await (action === "withdraw" ? withdraw : cancel).mutateAsync({ slotId });
      router.refresh();
    } catch (cause) {
      setError((cause as Error).message);
    }
  }

  return (
    <>
      <FormAlert message={error} />
      <button type="button" className={`${ui.button} ${ui.secondary}`} onClick={run} disabled={withdraw.isPending || cancel.isPending}>
        {t(action)}
      </button>
    </>
  );
}

/** A guardian books a free slot about one of their children the teacher teaches. */
export function BookForm({ slotId, pupils }: { slotId: string; pupils: { id: string; firstName: string }[] }) {
  const t = useTranslations("virtualClasses.meetings");
  const trpc = useTRPC();
  const router = useRouter();
  const book = useMutation(trpc.virtualClasses.book.mutationOptions());
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    try {
      await book.mutateAsync({ slotId, studentId: String(new FormData(event.currentTarget).get("studentId")) });
      router.refresh();
    } catch (cause) {
      setError((cause as Error).message);
    }
  }

  return (
    <form className={styles.actions} onSubmit={submit}>
      <FormAlert message={error} />
      <label className={ui.label} htmlFor={`child-${slotId}`}>
        {t("child")}
      </label>
      <select id={`child-${slotId}`} name="studentId" className={ui.input}>
        {pupils.map((child) => (
          <option key={child.id} value={child.id}>
            {child.firstName}
          </option>
        ))}
      </select>
      <button type="submit" className={ui.button} disabled={book.isPending}>
        {t("book")}
      </button>
    </form>
  );
}
