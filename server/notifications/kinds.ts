import type { mailDelivery, notificationKind } from "@/drizzle/schema";

export type NotificationKind = (typeof notificationKind.enumValues)[number];
export type MailDelivery = (typeof mailDelivery.enumValues)[number];

export const NOTIFICATION_KINDS: readonly NotificationKind[] = ["message", "carnet", "absence", "grade", "lesson", "homework", "assignment", "handIn", "announcement", "virtualClass"];

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
