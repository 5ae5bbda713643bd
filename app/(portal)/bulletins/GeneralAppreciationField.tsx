"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/app/trpc/client";
import { AppreciationField } from "./AppreciationField";

interface Props {
  classId: string;
  periodId: string;
  studentId: string;
  label: string;
  initial: string;
}

/** The professeur principal's general appréciation of one pupil, autosaved at the conseil de classe. */
export function GeneralAppreciationField({ classId, periodId, studentId, label, initial }: Props) {
  const trpc = useTRPC();
  const save = useMutation(trpc.reportCards.saveGeneralAppreciation.mutationOptions());
  return (
    <AppreciationField
      id={`general-${studentId}`}
      label={label}
      initial={initial}
      locked={false}
      save={(text) => save.mutateAsync({ classId, periodId, studentId, text })}
    />
  );
}
