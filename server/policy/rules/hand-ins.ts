import { assignmentTarget, authorFor, handInRoleOf, handInTarget, reviewsAssignment } from "../hand-in-access";
import type { Rule } from "../rule";
import { hasRole } from "../scope";
import { spaceRoleOf } from "../space-access";

export type HandInsPermission =
  /** set an assignment (devoir à rendre) in a space: a teacher who owns it (target: the space) */
  | "assignment.create"
  /** set an assignment for a teaching group: a teacher of the group (target: the group) */
  | "assignment.createForGroup"
  /** see an assignment: its space's members (not families); for a group, its pupils and teachers */
  | "assignment.read"
  /** hand in work for an assignment: a pupil of its class or group, or a member of its team, unless its space is archived */
  | "assignment.handIn"
  /** see every hand-in of an assignment and who has not handed in: its space's teacher owners, its group's teachers */
  | "assignment.review"
  /** annotate and return a hand-in with a comment, a mark and corrected copies: the assignment's reviewers, unless its space is archived */
  | "handIn.return";

export const handInsRules: Record<HandInsPermission, Rule> = {
  "assignment.create": async (db, scope, spaceId) => hasRole(scope, "teacher") && (await spaceRoleOf(db, scope, spaceId)) === "owner",
  "assignment.createForGroup": async (_db, scope, groupId) => hasRole(scope, "teacher") && scope.taughtGroupIds.has(groupId),
  "assignment.read": async (db, scope, assignmentId) => {
    const assignment = await assignmentTarget(db, scope, assignmentId);
    if (assignment?.groupId) return Boolean((await authorFor(db, scope, assignment)) || (await reviewsAssignment(db, scope, assignment)));
    const role = assignment && (await spaceRoleOf(db, scope, assignment.spaceId!));
    return role === "owner" || role === "contributor" || role === "reader";
  },
  "assignment.handIn": async (db, scope, assignmentId) => {
    const assignment = await assignmentTarget(db, scope, assignmentId);
    return Boolean(assignment && !assignment.archived && (await authorFor(db, scope, assignment)));
  },
  "assignment.review": async (db, scope, assignmentId) => {
    const assignment = await assignmentTarget(db, scope, assignmentId);
    return Boolean(assignment && (await reviewsAssignment(db, scope, assignment)));
  },
  "handIn.return": async (db, scope, handInId) => {
    const handIn = await handInTarget(db, scope, handInId);
    return Boolean(handIn && !handIn.archived && (await handInRoleOf(db, scope, handIn)) === "reviewer");
  },
};
