import type { messagingSettings } from "@/drizzle/schema";

/** The communication rules an establishment's admin may change (see the messaging_settings table). */
export type CommunicationRules = Omit<typeof messagingSettings.$inferSelect, "establishmentId" | "updatedBy" | "updatedAt">;

export const RULE_KEYS = [
  "studentsToTeachers",
  "studentsToClassmates",
  "studentsToVieScolaire",
  "studentsToDirection",
  "guardiansToTeachers",
  "guardiansToVieScolaire",
  "guardiansToDirection",
] as const satisfies readonly (keyof CommunicationRules)[];
