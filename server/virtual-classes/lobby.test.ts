import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { people } from "@/drizzle/schema";
import { schoolInstant } from "@/server/calendar/days";
import type { Database } from "@/server/db/client";
import { createLocalBus } from "@/server/events/bus";
import { type LiveEvent, liveEventsFor } from "@/server/messaging/live";
import { DEMO_ACCOUNTS, DEMO_ESTABLISHMENTS } from "@/server/seed/demo-accounts";
import { callerFor } from "@/server/testing/callers";
import { atServerTime } from "@/server/testing/clock";
import { createTestDatabase } from "@/server/testing/database";

/** The lobby of a class claire scheduled for 4eB: her pupils wait in it until she starts, and hear at once that she did. */
const COLLEGE = DEMO_ESTABLISHMENTS.college.uai;
const DAY = "2026-12-14";
let database: Database;
const bus = createLocalBus();
const heard = new Map<keyof typeof DEMO_ACCOUNTS, LiveEvent[]>();
const stops: (() => void)[] = [];

const as = (key: keyof typeof DEMO_ACCOUNTS) => callerFor(database.db, DEMO_ACCOUNTS[key].login, COLLEGE, bus);

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  for (const key of ["leadTeacher", "student", "classmate", "sibling", "guardian", "otherTeacher"] as const) {
    const [person] = await database.db.select({ id: people.id }).from(people).where(eq(people.login, DEMO_ACCOUNTS[key].login));
    heard.set(key, []);
    stops.push(liveEventsFor(bus, person.id, (event) => heard.get(key)!.push(event)));
  }
});
afterAll(async () => {
  for (const stop of stops) stop();
  await database.close();
});

describe("a virtual class's lobby", () => {
  it("hears on the live channel that the teacher started the class, its pupils only, once", async () => {
    const claire = await as("leadTeacher");
    const class4eB = (await claire.timetable.choices()).classes.find((c) => c.name === "4eB")!.id;
    const { id } = await atServerTime(schoolInstant(DAY, "08:00"), () =>
      claire.virtualClasses.schedule({ audience: { kind: "class", id: class4eB }, title: "Révisions", on: DAY, startsAt: "10:00", endsAt: "11:00" }),
    );
    const emma = await as("student");
    const beforeTheBell = schoolInstant(DAY, "09:55");
    expect((await atServerTime(beforeTheBell, () => emma.virtualClasses.room({ id }))).state).toBe("lobby");

    await atServerTime(beforeTheBell, () => claire.virtualClasses.start({ id }));
    const started: LiveEvent = { type: "virtualClass", virtualClassId: id };
    expect(heard.get("student")).toContainEqual(started);
    expect(heard.get("classmate")).toContainEqual(started);
    expect(heard.get("leadTeacher")).toContainEqual(started);
    for (const outsider of ["sibling", "guardian", "otherTeacher"] as const) expect(heard.get(outsider)).toEqual([]);
    expect((await atServerTime(beforeTheBell, () => emma.virtualClasses.room({ id }))).state).toBe("live");

    await atServerTime(schoolInstant(DAY, "10:05"), () => claire.virtualClasses.start({ id }));
    expect(heard.get("student")!.filter((event) => event.type === "virtualClass")).toHaveLength(1);
  });
});
