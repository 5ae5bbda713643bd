import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { hasRole } from "@/server/policy/scope";
import { serverCaller } from "@/server/trpc/request-context";
import { guarded } from "../../../guarded";
import styles from "../../spaces.module.css";
import { AddMemberForm } from "./AddMemberForm";
import { CreateGroupWorkForm } from "./CreateGroupWorkForm";
import { MemberActions } from "./MemberActions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("spaces"))("members.title") };
}

/**
 * Who is in the space. A class space's people are its class's, and its teachers make group-work teams of its pupils
 * here; a team's or a group-work team's owners add and remove members and change their roles.
 */
export default async function MembersPage({ params }: { params: Promise<{ spaceId: string }> }) {
  const { spaceId } = await params;
  const { ctx, api } = await serverCaller();
  const t = await getTranslations("spaces");
  const [space, list] = await Promise.all([guarded(() => api.spaces.get({ spaceId })), guarded(() => api.spaces.members({ spaceId }))]);
  const manages = space.role === "owner" && list.editable && !space.archived;
  const makesTeams = space.kind === "class" && space.role === "owner" && Boolean(ctx.actor?.scope && hasRole(ctx.actor.scope, "teacher"));
  const pupils = list.members.filter((member) => member.role === "contributor");
  return (
    <section className={ui.stack} aria-labelledby="members-title">
      <h2 id="members-title">{t("members.title")}</h2>
      {space.kind === "class" ? <p className={ui.muted}>{t("members.fromClass")}</p> : null}
      {space.kind === "groupWork" ? <p className={ui.muted}>{t("members.groupWorkOwners")}</p> : null}
      <ul className={styles.list}>
        {list.members.map((member) => (
          <li key={member.id} className={styles.item}>
            <div className={styles.itemMain}>
              <strong>
                {member.firstName} {member.lastName}
              </strong>
              <span className={styles.meta}>{t(`roles.${member.role}`)}</span>
            </div>
            {manages && member.id !== ctx.actor?.personId ? (
              <MemberActions spaceId={spaceId} personId={member.id} name={`${member.firstName} ${member.lastName}`} role={member.role} />
            ) : null}
          </li>
        ))}
      </ul>
      {manages ? <AddMemberForm spaceId={spaceId} pupilsOnly={space.kind === "groupWork"} /> : null}
      {space.kind === "class" ? (
        <>
          <h2>{t("members.teams")}</h2>
          {list.teams.length ? (
            <ul className={styles.list}>
              {list.teams.map((team) => (
                <li key={team.id} className={styles.item}>
                  <Link href={`/espaces/${team.id}`}>{team.name}</Link>
                </li>
              ))}
            </ul>
          ) : (
            <p className={ui.card}>{t("members.noTeams")}</p>
          )}
          {makesTeams ? <CreateGroupWorkForm spaceId={spaceId} pupils={pupils} /> : null}
        </>
      ) : null}
    </section>
  );
}
