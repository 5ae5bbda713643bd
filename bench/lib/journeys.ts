import type { BenchAccount } from "./dataset";
import type { VirtualUser } from "./virtual-user";

/** What each profile opens on a Monday morning, as pages (what the person waits for). */
export function pagesOf(account: BenchAccount): string[] {
  return account.role === "staff"
    ? ["/accueil", "/emploi-du-temps", "/notes"]
    : ["/accueil", "/emploi-du-temps", "/travail", "/notes"];
}

/** The same data as tRPC calls over HTTP, without rendering: tells rendering's share from the data's. */
export async function queriesOf(user: VirtualUser, account: BenchAccount, onEach: (ms: number) => void): Promise<void> {
  const timed = async (procedure: string, input?: unknown) => {
    const before = performance.now();
    await user.query(procedure, input);
    onEach(performance.now() - before);
  };
  if (account.role === "staff") {
    await timed("home.myNextLessons");
    await timed("timetable.teacherWeek", { teacherId: account.personId });
    await timed("home.rollCallsToTake");
    return;
  }
  const studentId = account.studentId!;
  await timed(account.role === "student" ? "home.myNextLessons" : "home.childNextLessons", account.role === "student" ? undefined : { studentId });
  await timed("timetable.studentWeek", { studentId });
  await timed("home.homeworkDue", { studentId });
  await timed("grades.latest", { studentId });
}
