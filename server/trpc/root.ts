import { createCallerFactory, router } from "./init";
import { accountRouter } from "./routers/account";
import { attendanceRouter } from "./routers/attendance";
import { directoryRouter } from "./routers/directory";
import { gradesRouter } from "./routers/grades";
import { homeworkRouter } from "./routers/homework";
import { meRouter } from "./routers/me";
import { timetableRouter } from "./routers/timetable";

export const appRouter = router({
  account: accountRouter,
  me: meRouter,
  directory: directoryRouter,
  grades: gradesRouter,
  timetable: timetableRouter,
  homework: homeworkRouter,
  attendance: attendanceRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
