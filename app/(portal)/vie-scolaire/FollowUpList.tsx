"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { FormAlert } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import type { followUp } from "@/server/attendance/follow-up";
import { AbsenceWhen } from "../absences/AbsenceWhen";
import styles from "../absences/attendance.module.css";
import { StatusBadge } from "../absences/StatusBadge";

type Item = Awaited<ReturnType<typeof followUp>>["items"][number];

const REASONS = ["illness", "medical_appointment", "family", "transport", "religious_holiday", "exam_or_official", "other"] as const;

/** Vie scolaire's absences to deal with: a family's justification to accept or refuse, or a reason to enter. */
export function FollowUpList({ items }: { items: Item[] }) {
  const [done, setDone] = useState<string | null>(null);
  return (
    <>
      <p className={done ? ui.success : "visually-hidden"} role="status">
        {done}
      </p>
      <ul className={styles.rows}>
        {items.map((item) => (
          <FollowUpItem key={item.id} item={item} onDone={setDone} />
        ))}
      </ul>
    </>
  );
}

function FollowUpItem({ item, onDone }: { item: Item; onDone: (message: string) => void }) {
  const t = useTranslations("attendance");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const trpc = useTRPC();
  const name = `${item.lastName.toUpperCase()} ${item.firstName}`;
  const done = (key: "decided" | "reasonSet") => () => {
    onDone(t(`desk.${key}`, { name }));
    router.refresh();
  };
  const decide = useMutation(trpc.attendance.decide.mutationOptions({ onSuccess: done("decided") }));
  const setReason = useMutation(trpc.attendance.setReason.mutationOptions({ onSuccess: done("reasonSet") }));
  const [comment, setComment] = useState("");
  const [reasonComment, setReasonComment] = useState("");
  const [reason, setReasonValue] = useState<(typeof REASONS)[number]>("illness");
  const id = useId();
  const failure = decide.error ?? setReason.error;
  const busy = decide.isPending || setReason.isPending;
  const { justification } = item;
  const pending = item.status === "pending" && justification?.decision === "pending";

  return (
    <li className={styles.row}>
      <span className={styles.rowMain}>
        <span className={styles.titleLine}>
          <span className={styles.rowTitle}>
            {name} {item.className ? `· ${item.className}` : ""}
          </span>
          <StatusBadge status={item.status} />
        </span>
        <span>
          {t(`kinds.${item.kind}`)} · <AbsenceWhen absence={item} />
        </span>
        {justification ? (
          <span className={styles.justification}>
            {t("desk.justification", { name: justification.submitterName ?? "—", reason: t(`reasons.${justification.reason}`) })}
            {justification.comment ? (
              <>
                <br />
                {t("quoted", { text: justification.comment })}
              </>
            ) : null}
            {justification.documentName ? (
              <>
                <br />
                <a href={`/api/absences/justificatifs/${justification.id}`} download>
                  {t("desk.document")}
                  <span className="visually-hidden"> — {name}</span>
                </a>
              </>
            ) : null}
          </span>
        ) : null}
      </span>
      <FormAlert message={failure ? (failure.message ?? tErrors("internal")) : null} />
      {pending ? (
        <div className={styles.decision}>
          <div className={`${ui.field} ${styles.grow}`}>
            <label className={ui.label} htmlFor={`${id}-comment`}>
              {t("desk.decisionComment")}
            </label>
            <input
              className={ui.input}
              id={`${id}-comment`}
              maxLength={1000}
              value={comment}
              onChange={(event) => setComment(event.target.value)}
            />
          </div>
          <button
            type="button"
            className={ui.button}
            disabled={busy}
            onClick={() => decide.mutate({ absenceId: item.id, decision: "accepted", comment })}
          >
            {t("desk.accept")}
            <span className="visually-hidden"> — {name}</span>
          </button>
          <button
            type="button"
            className={`${ui.button} ${ui.secondary}`}
            disabled={busy}
            onClick={() => decide.mutate({ absenceId: item.id, decision: "refused", comment })}
          >
            {t("desk.refuse")}
            <span className="visually-hidden"> — {name}</span>
          </button>
        </div>
      ) : null}
      <details className={`${styles.details} ${styles.decision}`}>
        <summary>
          {t("desk.setReason")}
          <span className="visually-hidden"> — {name}</span>
        </summary>
        <p className={ui.hint}>{t("desk.setReasonHint")}</p>
        <div className={styles.decision}>
          <div className={ui.field}>
            <label className={ui.label} htmlFor={`${id}-reason`}>
              {t("pupil.reason")}
            </label>
            <select
              className={ui.input}
              id={`${id}-reason`}
              value={reason}
              onChange={(event) => setReasonValue(event.target.value as (typeof REASONS)[number])}
            >
              {REASONS.map((r) => (
                <option key={r} value={r}>
                  {t(`reasons.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <div className={`${ui.field} ${styles.grow}`}>
            <label className={ui.label} htmlFor={`${id}-reason-comment`}>
              {t("desk.comment")}
            </label>
            <input
              className={ui.input}
              id={`${id}-reason-comment`}
              maxLength={1000}
              value={reasonComment}
              onChange={(event) => setReasonComment(event.target.value)}
            />
          </div>
          <button
            type="button"
            className={ui.button}
            disabled={busy}
            onClick={() => setReason.mutate({ absenceId: item.id, reason, comment: reasonComment })}
          >
            {t("desk.submit")}
          </button>
        </div>
      </details>
    </li>
  );
}
