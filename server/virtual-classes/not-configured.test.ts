import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { schoolInstant } from "@/server/calendar/days";
import type { Database } from "@/server/db/client";
import { DEMO_ACCOUNTS, DEMO_ESTABLISHMENTS } from "@/server/seed/demo-accounts";
import { type Caller, callerFor } from "@/server/testing/callers";
import { atServerTime } from "@/server/testing/clock";
import { createTestDatabase } from "@/server/testing/database";
import { translatedMessage } from "@/server/trpc/errors";

/**
 * Without LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET, video is not configured: the pages are told so, tokens
 * are refused with a sentence people read, and virtual classes and meetings are still scheduled, started and booked.
 */
const COLLEGE = DEMO_ESTABLISHMENTS.college.uai;
const DAY = "2026-12-14";
const open = schoolInstant(DAY, "10:05");
let database: Database;
let claire: Caller;
let emma: Caller;
let sophie: Caller;

/** The error a call fails with: a translated BAD_REQUEST saying video is not configured, in French and in English. */
async function refusedAsNotConfigured(call: () => Promise<unknown>) {
  const error = await atServerTime(open, call).then(
    () => null,
    (cause: unknown) => cause,
  );
  expect(error).toBeInstanceOf(TRPCError);
  expect(error).toMatchObject({ code: "BAD_REQUEST", message: "virtualClasses.errors.notConfigured" });
  expect(translatedMessage(error as TRPCError, "fr")).toBe("La vidéo n'est pas configurée sur cet ENT.");
  expect(translatedMessage(error as TRPCError, "en")).toBe("Video is not configured on this portal.");
}

beforeAll(async () => {
  for (const name of ["LIVEKIT_URL", "LIVEKIT_API_KEY", "LIVEKIT_API_SECRET"]) vi.stubEnv(name, undefined);
  database = await createTestDatabase({ demo: true });
  [claire, emma, sophie] = await Promise.all(
    [DEMO_ACCOUNTS.leadTeacher, DEMO_ACCOUNTS.student, DEMO_ACCOUNTS.guardian].map((account) => callerFor(database.db, account.login, COLLEGE)),
  );
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await database.close();
});

describe("video not configured", () => {
  it("is what the pages are told, while a virtual class is scheduled and started as usual", async () => {
    expect(await claire.virtualClasses.configured()).toEqual({ configured: false });
    const class4eB = (await claire.timetable.choices()).classes.find((c) => c.name === "4eB")!.id;
    const { id } = await atServerTime(schoolInstant(DAY, "08:00"), () =>
      claire.virtualClasses.schedule({ audience: { kind: "class", id: class4eB }, title: "Révisions", on: DAY, startsAt: "10:00", endsAt: "11:00" }),
    );
    await atServerTime(open, () => claire.virtualClasses.start({ id }));
    expect(await atServerTime(open, () => emma.virtualClasses.room({ id }))).toMatchObject({ state: "live", configured: false });

    await refusedAsNotConfigured(() => claire.virtualClasses.token({ id }));
    await refusedAsNotConfigured(() => emma.virtualClasses.token({ id }));
    await refusedAsNotConfigured(() => emma.virtualClasses.hand({ id, raised: true }));
  });

  it("refuses a booked meeting's token the same way", async () => {
    await atServerTime(schoolInstant(DAY, "08:00"), () => claire.virtualClasses.publishSlots({ on: DAY, from: "10:00", to: "10:15", minutes: 15 }));
    const slot = (await atServerTime(schoolInstant(DAY, "08:00"), () => sophie.virtualClasses.bookableSlots())).find(
      (s) => s.startsAt.getTime() === schoolInstant(DAY, "10:00").getTime(),
    )!;
    await atServerTime(schoolInstant(DAY, "08:00"), () => sophie.virtualClasses.book({ slotId: slot.id, studentId: slot.children[0] }));
    expect(await atServerTime(open, () => sophie.virtualClasses.meeting({ slotId: slot.id }))).toMatchObject({ configured: false });
    await refusedAsNotConfigured(() => sophie.virtualClasses.meetingToken({ slotId: slot.id }));
  });
});
