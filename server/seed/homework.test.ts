import { asc } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { homework, homeworkDone, lessonLogs } from "@/drizzle/schema";
import type { Database, Db } from "@/server/db/client";
import { createTestDatabase } from "@/server/testing/database";
import { seedDemo } from "./demo";

const opened: Database[] = [];
afterAll(() => Promise.all(opened.map((database) => database.close())));

async function seededCahier() {
  const database = await createTestDatabase();
  opened.push(database);
  await seedDemo(database.db);
  return read(database.db);
}

const read = async (db: Db) => ({
  logs: await db.select().from(lessonLogs).orderBy(asc(lessonLogs.id)),
  homework: await db.select().from(homework).orderBy(asc(homework.id)),
  ticks: await db.select().from(homeworkDone).orderBy(asc(homeworkDone.homeworkId), asc(homeworkDone.studentId)),
});

describe("the demo cahier de textes", () => {
  it("is the same at every seeding, ids included", async () => {
    const [first, second] = await Promise.all([seededCahier(), seededCahier()]);
    expect(first.logs.length).toBeGreaterThan(40);
    expect(first.homework.length).toBeGreaterThan(15);
    expect(first.ticks.length).toBeGreaterThan(100);
    expect(second).toEqual(first);
  });
});
