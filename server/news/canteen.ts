import { and, asc, between, eq } from "drizzle-orm";
import { canteenMenus, type MenuCourse } from "@/drizzle/schema";
import { addDays } from "@/server/calendar/days";
import type { Db } from "@/server/db";
import type { Role } from "@/server/policy/roles";

/** Who writes the menus: direction, the secrétariat (gestion) and the agents (the kitchen). */
export const CANTEEN_EDITORS = ["direction", "secretariat", "agent"] as const satisfies readonly Role[];

/** The menus of a school week (Monday to Friday), day by day; a day without a menu has none. */
export async function canteenWeek(db: Db, establishmentId: string, monday: string) {
  const rows = await db
    .select({ day: canteenMenus.day, courses: canteenMenus.courses })
    .from(canteenMenus)
    .where(and(eq(canteenMenus.establishmentId, establishmentId), between(canteenMenus.day, monday, addDays(monday, 4))))
    .orderBy(asc(canteenMenus.day));
  return [0, 1, 2, 3, 4].map((offset) => {
    const day = addDays(monday, offset);
    return { day, courses: rows.find((r) => r.day === day)?.courses ?? [] };
  });
}

/** Writes (or, with no course, removes) a day's menu. */
export async function saveCanteenDay(db: Db, establishmentId: string, personId: string, day: string, courses: MenuCourse[]) {
  if (courses.length === 0) {
    await db.delete(canteenMenus).where(and(eq(canteenMenus.establishmentId, establishmentId), eq(canteenMenus.day, day)));
    return;
  }
  const values = { courses, updatedBy: personId, updatedAt: new Date() };
  await db
    .insert(canteenMenus)
    .values({ establishmentId, day, ...values })
    .onConflictDoUpdate({ target: [canteenMenus.establishmentId, canteenMenus.day], set: values });
}
