import { eq } from "drizzle-orm";
import { messagingSettings } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { type CommunicationRules, RULE_KEYS } from "./rule-keys";

export { type CommunicationRules, RULE_KEYS };

/** The defaults of the schema: pupils reach their teachers, class and vie scolaire; families their children's teachers, vie scolaire and direction. */
export const DEFAULT_RULES: CommunicationRules = {
  studentsToTeachers: true,
  studentsToClassmates: true,
  studentsToVieScolaire: true,
  studentsToDirection: false,
  guardiansToTeachers: true,
  guardiansToVieScolaire: true,
  guardiansToDirection: true,
};

export async function communicationRules(db: Db, establishmentId: string): Promise<CommunicationRules> {
  const [row] = await db.select().from(messagingSettings).where(eq(messagingSettings.establishmentId, establishmentId));
  if (!row) return DEFAULT_RULES;
  return Object.fromEntries(RULE_KEYS.map((key) => [key, row[key]])) as CommunicationRules;
}

export async function saveCommunicationRules(db: Db, establishmentId: string, personId: string, rules: CommunicationRules) {
  const values = { ...rules, updatedBy: personId, updatedAt: new Date() };
  await db
    .insert(messagingSettings)
    .values({ establishmentId, ...values })
    .onConflictDoUpdate({ target: messagingSettings.establishmentId, set: values });
}
