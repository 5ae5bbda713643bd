import { z } from "zod";
import { rollCallsToTake } from "@/server/attendance/teacher-lessons";
import { isoDate } from "@/server/calendar/days";
import { homeworkDueSoon } from "@/server/homework/pupil";
import { nextLessons } from "@/server/timetable/week";
import { seesTicks } from "./homework";
import { establishmentProcedure, objectProcedure, roleProcedure, router } from "../init";

const byStudent = z.object({ studentId: z.uuid() });

/** How far ahead the home page looks for homework: this week and the next school days. */
const HOMEWORK_DAYS = 7;

/**
 * The home page's widgets: what matters today for each profile. Each reads the same services as the full pages,
 * through the same permissions; absences to justify come from attendance.toJustify, the newest marks from
 * grades.latest.
 */
export const homeRouter = router({
  /** My next lessons, as a pupil or a teacher. */
  myNextLessons: establishmentProcedure.query(({ ctx }) => nextLessons(ctx.db, ctx.scope, ctx.scope.personId)),

  /** A child's next lessons, for their guardian. */
  childNextLessons: objectProcedure(byStudent, "timetable.student", (i) => i.studentId).query(({ ctx, input }) =>
    nextLessons(ctx.db, ctx.scope, input.studentId),
  ),

  homeworkDue: objectProcedure(byStudent, "student.homework", (i) => i.studentId).query(({ ctx, input }) =>
    homeworkDueSoon(ctx.db, ctx.scope.establishmentId, input.studentId, isoDate(new Date()), HOMEWORK_DAYS, seesTicks(ctx, input.studentId)),
  ),

  /** Today's lessons of mine whose roll call is still to take. */
  rollCallsToTake: roleProcedure("teacher").query(({ ctx }) => rollCallsToTake(ctx.db, ctx.scope)),
});
