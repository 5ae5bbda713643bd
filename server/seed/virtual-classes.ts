import { and, eq } from "drizzle-orm";
import { classes, establishments, meetingSlots, people } from "@/drizzle/schema";
import { addDays, schoolInstant } from "@/server/calendar/days";
import type { Db } from "@/server/db/client";
import { scheduleClass } from "@/server/virtual-classes/schedule";
import { DEMO_ACCOUNTS, DEMO_ESTABLISHMENTS } from "./demo-accounts";
import type { Random } from "./random";
import { DEMO_WEEK } from "./timetable-changes";

/** A meeting room name drawn from the seed: as opaque as a real one, and the same at every seeding. */
const roomName = (random: Random) => random.uuid().replaceAll("-", "");

/**
 * Virtual classes of the demo week, beside the remote English lesson the timetable's changes already hold: a revision
 * class claire scheduled for 4eB on Wednesday afternoon, and her parent–teacher meeting slots on Thursday evening,
 * one of them booked by sophie about emma.
 */
export async function seedDemoVirtualClasses(db: Db, random: Random): Promise<void> {
  const idOf = async (login: string) => (await db.select({ id: people.id }).from(people).where(eq(people.login, login)))[0].id;
  const [claire, sophie, emma] = await Promise.all(
    [DEMO_ACCOUNTS.leadTeacher, DEMO_ACCOUNTS.guardian, DEMO_ACCOUNTS.student].map((account) => idOf(account.login)),
  );
  const [college] = await db.select({ id: establishments.id }).from(establishments).where(eq(establishments.uai, DEMO_ESTABLISHMENTS.college.uai));
  const [class4eB] = await db
    .select({ id: classes.id })
    .from(classes)
    .where(and(eq(classes.establishmentId, college.id), eq(classes.name, "4eB")));

  // scheduled as claire would on the demo's Monday morning: it is in 4eB's calendar too
  await scheduleClass(
    db,
    college.id,
    claire,
    { audience: { kind: "class", id: class4eB.id }, title: "Révisions : le récit au XIXe siècle", on: addDays(DEMO_WEEK, 2), startsAt: "16:00", endsAt: "17:00" },
    schoolInstant(DEMO_WEEK, "08:00"),
  );

  const thursday = addDays(DEMO_WEEK, 3);
  const times = ["17:00", "17:15", "17:30", "17:45", "18:00", "18:15"];
  await db.insert(meetingSlots).values(
    times.map((time, index) => ({
      establishmentId: college.id,
      teacherId: claire,
      startsAt: schoolInstant(thursday, time),
      minutes: 15,
      roomName: roomName(random),
      ...(index === 1 ? { guardianId: sophie, studentId: emma, bookedAt: schoolInstant(DEMO_WEEK, "08:00") } : {}),
    })),
  );
}
