import type { mailDelivery, notificationKind } from "@/drizzle/schema";
import type { Role } from "@/server/policy/roles";

export type NotificationKind = (typeof notificationKind.enumValues)[number];
export type MailDelivery = (typeof mailDelivery.enumValues)[number];

export const NOTIFICATION_KINDS: readonly NotificationKind[] = ["message", "carnet", "absence", "grade", "lesson", "homework", "assignment", "handIn", "announcement", "virtualClass"];

/**
 * The profiles each kind is sent to, as its source decides (sources.ts): a pupil hears of their assignments, returned
 * work, grades, homework and lesson changes; a guardian of their children's grades, absences, homework and lesson
 * changes, and of carnet notes; anyone of messages, announcements and the virtual classes scheduled for them. A person is offered the kinds of their profiles.
 */
export const RECEIVERS: Record<NotificationKind, readonly Role[] | "everyone"> = {
  message: "everyone",
  carnet: ["guardian"],
  absence: ["guardian"],
  grade: ["student", "guardian"],
  lesson: ["student", "guardian"],
  homework: ["student", "guardian"],
  assignment: ["student"],
  handIn: ["student"],
  announcement: "everyone",
  // a team's members may hold any profile; a class's virtual class also reaches its pupils' families
  virtualClass: "everyone",
};

/** The kinds a person holding these profiles (in any establishment) may receive, in the centre's order. */
export function kindsReceivedBy(roles: Iterable<Role>): NotificationKind[] {
  const held = new Set(roles);
  return NOTIFICATION_KINDS.filter((kind) => {
    const receivers = RECEIVERS[kind];
    return receivers === "everyone" ? held.size > 0 : receivers.some((r) => held.has(r));
  });
}

/** E-mail by default: what needs an answer or concerns today at once, the rest in the evening's digest. */
export const DEFAULT_MAIL: Record<NotificationKind, MailDelivery> = {
  message: "immediate",
  carnet: "immediate",
  absence: "immediate",
  lesson: "immediate",
  virtualClass: "immediate",
  grade: "digest",
  homework: "digest",
  assignment: "digest",
  handIn: "digest",
  announcement: "digest",
};

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A notification's stored parameters made ready for its message: school days, kept as ISO dates, become dates the
 * catalogue formats in the reader's language ("mardi 24 novembre"). Noon UTC is the same day in every French time zone.
 */
export function messageParams(params: Record<string, string>): Record<string, string | Date> {
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => [name, ISO_DAY.test(value) ? new Date(`${value}T12:00:00Z`) : value]),
  );
}
