import { createCallerFactory, router } from "./init";
import { accountRouter } from "./routers/account";
import { attendanceRouter } from "./routers/attendance";
import { directoryRouter } from "./routers/directory";
import { gradesRouter } from "./routers/grades";
import { homeRouter } from "./routers/home";
import { homeworkRouter } from "./routers/homework";
import { meRouter } from "./routers/me";
import { reportCardsRouter } from "./routers/report-cards";
import { timetableRouter } from "./routers/timetable";

export const appRouter = router({
  account: accountRouter,
  me: meRouter,
  directory: directoryRouter,
  grades: gradesRouter,
  home: homeRouter,
  homework: homeworkRouter,
  attendance: attendanceRouter,
  reportCards: reportCardsRouter,
  timetable: timetableRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
