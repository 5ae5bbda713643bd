import type postgres from "postgres";
import type { BenchAccount } from "./dataset";

/**
 * The floor: the rows a Monday-morning person reads, fetched with hand-written SQL through the driver, with no
 * framework, policy or rendering. What no implementation over this schema can beat; Préau is measured against it.
 */
export async function floorReads(sql: postgres.Sql, account: BenchAccount, onEach: (ms: number) => void): Promise<void> {
  const timed = async (query: () => Promise<unknown>) => {
    const before = performance.now();
    await query();
    onEach(performance.now() - before);
  };
  if (account.role === "staff") {
    await timed(() => sql`select p.id, p.first_name, f.role, f.establishment_id from people p join profiles f on f.person_id = p.id where p.login = ${account.login}`);
    await timed(() => teacherWeek(sql, account.personId));
    return;
  }
  const studentId = account.studentId!;
  await timed(() => sql`select p.id, p.first_name, f.role, f.establishment_id from people p join profiles f on f.person_id = p.id where p.login = ${account.login}`);
  await timed(() => pupilWeek(sql, studentId));
  await timed(
    () => sql`select h.id, h.due_on, h.instructions, h.estimated_minutes, s.name as subject
      from homework h join lessons l on l.id = h.lesson_id join subjects s on s.id = l.subject_id
      where l.id in ${pupilLessonIds(sql, studentId)} and h.due_on between current_date and current_date + 7
      order by h.due_on`,
  );
  await timed(
    () => sql`select e.title, e.given_on, e.out_of, m.value, m.status, s.name as subject
      from marks m join evaluations e on e.id = m.evaluation_id
      join teaching_assignments a on a.id = e.assignment_id join subjects s on s.id = a.subject_id
      where m.student_id = ${studentId} and e.published_at is not null
      order by e.published_at desc limit 5`,
  );
}

const pupilWeek = (sql: postgres.Sql, studentId: string) =>
  sql`select l.id, l.weekday, l.starts_at, l.ends_at, l.weeks, s.name as subject, r.name as room,
        array_agg(t.last_name) as teachers
      from lessons l join subjects s on s.id = l.subject_id left join rooms r on r.id = l.room_id
      left join lesson_teachers lt on lt.lesson_id = l.id left join people t on t.id = lt.teacher_id
      where l.id in ${pupilLessonIds(sql, studentId)} and current_date between l.valid_from and l.valid_until
      group by l.id, s.name, r.name`;

/** The lessons of a pupil's class and of their groups, each found through its index (an OR of the two is not). */
const pupilLessonIds = (sql: postgres.Sql, studentId: string) =>
  sql`(select id from lessons where class_id in (select class_id from class_enrolments where student_id = ${studentId})
      union all
      select id from lessons where group_id in (select group_id from group_memberships where student_id = ${studentId}))`;

const teacherWeek = (sql: postgres.Sql, teacherId: string) =>
  sql`select l.id, l.weekday, l.starts_at, l.ends_at, l.weeks, s.name as subject, r.name as room
      from lessons l join lesson_teachers lt on lt.lesson_id = l.id and lt.teacher_id = ${teacherId}
      join subjects s on s.id = l.subject_id left join rooms r on r.id = l.room_id
      where current_date between l.valid_from and l.valid_until`;
