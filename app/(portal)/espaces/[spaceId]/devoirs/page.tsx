import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { hasRole } from "@/server/policy/scope";
import { serverCaller } from "@/server/trpc/request-context";
import { guarded } from "../../../guarded";
import { DueAt } from "../../../devoirs/Due";
import styles from "../../spaces.module.css";
import { CreateAssignmentForm } from "../../../devoirs/CreateAssignmentForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("handIns"))("title") };
}

type Props = { params: Promise<{ spaceId: string }>; searchParams: Promise<{ travail?: string }> };

/**
 * The space's assignments to hand in; its teachers set new ones here ("?travail=" links the new one to a homework of
 * the cahier de textes that is to be handed in).
 */
export default async function SpaceAssignmentsPage({ params, searchParams }: Props) {
  const { spaceId } = await params;
  const { travail } = await searchParams;
  const { ctx, api } = await serverCaller();
  const t = await getTranslations("handIns");
  const [space, assignments] = await Promise.all([guarded(() => api.spaces.get({ spaceId })), guarded(() => api.handIns.forSpace({ spaceId }))]);
  const sets = space.role === "owner" && !space.archived && Boolean(ctx.actor?.scope && hasRole(ctx.actor.scope, "teacher"));
  return (
    <section className={ui.stack} aria-labelledby="assignments-title">
      <h2 id="assignments-title">{t("title")}</h2>
      {assignments.length ? (
        <ul className={styles.list}>
          {assignments.map((assignment) => (
            <li key={assignment.id} className={styles.item}>
              <div className={styles.itemMain}>
                <Link href={`/devoirs/${assignment.id}`}>
                  <strong>{assignment.title}</strong>
                </Link>
                <span className={styles.meta}>
                  <DueAt at={assignment.dueAt} />
                </span>
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p className={ui.card}>{t("noneInSpace")}</p>
      )}
      {sets ? <CreateAssignmentForm place={{ spaceId }} homeworkId={travail && /^[0-9a-f-]{36}$/.test(travail) ? travail : null} /> : null}
    </section>
  );
}
