import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { serverCaller } from "@/server/trpc/request-context";
import styles from "../espaces/spaces.module.css";
import { CreateAssignmentForm } from "./CreateAssignmentForm";
import { DueAt, HandInBadge } from "./Due";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("handIns"))("title") };
}

/**
 * Devoirs à rendre: a pupil's assignments (of their class, groups and teams) and where each stands; a teacher's
 * assignments, each opening the list of hand-ins, and the form that sets one for a group they teach (the spaces have
 * their own). "?travail=" narrows to the assignments of one homework of the cahier de textes.
 */
export default async function AssignmentsPage({ searchParams }: { searchParams: Promise<{ travail?: string }> }) {
  const { travail } = await searchParams;
  const { api } = await serverCaller();
  const t = await getTranslations("handIns");
  const mine = await api.handIns.mine();
  const forHomework = <T extends { homeworkId: string | null }>(rows: T[]) => (travail ? rows.filter((row) => row.homeworkId === travail) : rows);
  const toHandIn = forHomework(mine.toHandIn);
  const set = forHomework(mine.set);
  return (
    <div className={ui.stack}>
      <h1>{t("title")}</h1>
      {travail ? (
        <p>
          <Link href="/devoirs">{t("allAssignments")}</Link>
        </p>
      ) : null}
      {mine.toHandIn.length || (!mine.set.length && !mine.groups.length) ? (
        <section className={ui.stack} aria-labelledby="to-hand-in">
          <h2 id="to-hand-in">{t("toHandIn")}</h2>
          {toHandIn.length ? (
            <ul className={styles.list}>
              {toHandIn.map((assignment) => (
                <li key={assignment.id} className={styles.item}>
                  <div className={styles.itemMain}>
                    <Link href={`/devoirs/${assignment.id}`}>
                      <strong>{assignment.title}</strong>
                    </Link>
                    <span className={styles.meta}>
                      {assignment.placeName} · <DueAt at={assignment.dueAt} />
                    </span>
                  </div>
                  <HandInBadge
                    status={assignment.handIn?.status ?? null}
                    late={Boolean(assignment.handIn?.handedInAt && assignment.handIn.handedInAt > assignment.dueAt)}
                  />
                </li>
              ))}
            </ul>
          ) : (
            <p className={ui.card}>{t("nothingToHandIn")}</p>
          )}
        </section>
      ) : null}
      {mine.set.length ? (
        <section className={ui.stack} aria-labelledby="set">
          <h2 id="set">{t("set")}</h2>
          <ul className={styles.list}>
            {set.map((assignment) => (
              <li key={assignment.id} className={styles.item}>
                <div className={styles.itemMain}>
                  <Link href={`/devoirs/${assignment.id}`}>
                    <strong>{assignment.title}</strong>
                  </Link>
                  <span className={styles.meta}>
                    {assignment.placeName} · <DueAt at={assignment.dueAt} />
                  </span>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {mine.groups.length && !travail ? <CreateAssignmentForm place={{ groups: mine.groups }} homeworkId={null} /> : null}
      <p className={ui.muted}>{t("howToSet")}</p>
    </div>
  );
}
