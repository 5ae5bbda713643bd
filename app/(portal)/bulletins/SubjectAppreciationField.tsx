"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/app/trpc/client";
import { AppreciationField } from "./AppreciationField";

interface Props {
  assignmentId: string;
  periodId: string;
  studentId: string;
  label: string;
  initial: string;
  locked: boolean;
  lockedHint: string;
}

/** A teacher's appréciation of one pupil in their subject, autosaved. */
export function SubjectAppreciationField({ assignmentId, periodId, studentId, ...field }: Props) {
  const trpc = useTRPC();
  const save = useMutation(trpc.reportCards.saveSubjectAppreciation.mutationOptions());
  return (
    <AppreciationField
      id={`appreciation-${studentId}`}
      {...field}
      save={(text) => save.mutateAsync({ assignmentId, periodId, studentId, text })}
    />
  );
}
