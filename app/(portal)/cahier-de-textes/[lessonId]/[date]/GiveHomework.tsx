"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import type { Session } from "@/server/homework/next-sessions";
import { HomeworkForm } from "./HomeworkForm";
import { WorkloadPanel } from "./WorkloadPanel";

interface Props {
  lessonId: string;
  plannedOn: string;
  sessions: Session[];
  lessonDay: string;
}

/** "Donner du travail": the form, and beside it what the class already has for the days the teacher considers. */
export function GiveHomework({ lessonId, plannedOn, sessions, lessonDay }: Props) {
  const t = useTranslations("homework");
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const give = useMutation(trpc.homework.give.mutationOptions());
  const [dueOn, setDueOn] = useState(sessions[0]?.on ?? null);
  const [given, setGiven] = useState(0);

  return (
    <div className={ui.stack}>
      <section className={ui.card} aria-labelledby="give">
        <h2 id="give">{t("occurrence.give")}</h2>
        {given ? (
          <p className={ui.success} role="status">
            {t("occurrence.givenDone")}
          </p>
        ) : null}
        <HomeworkForm
          key={given}
          sessions={sessions}
          lessonDay={lessonDay}
          submitLabel={t("form.give")}
          pendingLabel={t("saving")}
          onDueChange={setDueOn}
          onSubmit={async (values) => {
            await give.mutateAsync({ lessonId, plannedOn, ...values });
            setGiven((count) => count + 1);
            setDueOn(sessions[0]?.on ?? null);
            await queryClient.invalidateQueries({ queryKey: trpc.homework.workload.pathKey() });
            router.refresh();
          }}
        />
      </section>
      <WorkloadPanel lessonId={lessonId} plannedOn={plannedOn} days={[...new Set([...sessions.map((s) => s.on), ...(dueOn ? [dueOn] : [])])]} chosen={dueOn} />
    </div>
  );
}
