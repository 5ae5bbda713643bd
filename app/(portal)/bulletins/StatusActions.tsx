"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import styles from "./bulletins.module.css";

interface Props {
  classId: string;
  className: string;
  periodId: string;
  status: "draft" | "validated" | "published";
}

/**
 * Direction moves a class's bulletins along: validate a draft (appréciations locked), reopen it for corrections, or
 * publish it to families after confirming, for good.
 */
export function StatusActions({ classId, className, periodId, status }: Props) {
  const t = useTranslations("reportCards.direction");
  const router = useRouter();
  const trpc = useTRPC();
  const [error, setError] = useState<string>();
  const options = {
    onSuccess: () => {
      setError(undefined);
      router.refresh();
    },
    onError: (cause: { message: string }) => setError(cause.message),
  };
  const validate = useMutation(trpc.reportCards.validate.mutationOptions(options));
  const reopen = useMutation(trpc.reportCards.reopen.mutationOptions(options));
  const publish = useMutation(trpc.reportCards.publish.mutationOptions(options));
  const pending = validate.isPending || reopen.isPending || publish.isPending;
  const input = { classId, periodId };
  const button = `${ui.button} ${styles.smallButton}`;

  if (status === "published") return null;
  return (
    <div className={styles.actions}>
      {status === "draft" ? (
        <button type="button" className={button} disabled={pending} aria-label={t("validateLabel", { className })} onClick={() => validate.mutate(input)}>
          {t("validate")}
        </button>
      ) : (
        <>
          <button type="button" className={`${button} ${ui.secondary}`} disabled={pending} aria-label={t("reopenLabel", { className })} onClick={() => reopen.mutate(input)}>
            {t("reopen")}
          </button>
          <button
            type="button"
            className={button}
            disabled={pending}
            aria-label={t("publishLabel", { className })}
            onClick={() => {
              if (window.confirm(t("publishConfirm", { className }))) publish.mutate(input);
            }}
          >
            {t("publish")}
          </button>
        </>
      )}
      {error ? (
        <p className={ui.alert} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
