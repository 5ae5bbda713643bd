import { eq } from "drizzle-orm";
import { classes, establishments } from "@/drizzle/schema";
import type { Locale } from "@/app/i18n/locales";
import type { Db } from "@/server/db";
import { asciiFileName } from "@/server/http/file-name";
import { serverTranslator } from "@/server/i18n/translate";
import { issueActivationCodes, pendingOfClass, pendingStaff } from "./activation-codes";
import { lettersMayReach } from "./known-elsewhere";
import { renderActivationLetters } from "./letters";

export type LetterTarget = { classId: string } | { staff: true };

/**
 * Prints a batch of activation letters: new codes for the class's (or the staff's) accounts waiting for activation,
 * drawn into one PDF. Null when nobody waits.
 */
export async function printLetters(db: Db, establishmentId: string, target: LetterTarget, locale: Locale, now = new Date()) {
  const t = serverTranslator(locale);
  const [establishment] = await db.select().from(establishments).where(eq(establishments.id, establishmentId));
  let audience: string;
  let personIds: string[];
  if ("classId" in target) {
    const [klass] = await db.select({ name: classes.name }).from(classes).where(eq(classes.id, target.classId));
    audience = t("admin.letters.audienceClass", { name: klass.name });
    personIds = await pendingOfClass(db, target.classId);
  } else {
    audience = t("admin.letters.audienceStaff");
    personIds = await pendingStaff(db, establishmentId);
  }
  const codes = await issueActivationCodes(db, await lettersMayReach(db, personIds, establishmentId, now), now);
  if (codes.length === 0) return null;
  const pdf = await renderActivationLetters(codes, { establishment, audience, locale });
  return { pdf, count: codes.length, personIds: codes.map((c) => c.personId), fileName: asciiFileName("lettres-activation", [audience], "pdf") };
}
