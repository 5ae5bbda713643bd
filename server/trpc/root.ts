import { createCallerFactory, router } from "./init";
import { accountRouter } from "./routers/account";
import { adminRouter } from "./routers/admin";
import { attendanceRouter } from "./routers/attendance";
import { blogRouter } from "./routers/blog";
import { directoryRouter } from "./routers/directory";
import { filesRouter } from "./routers/files";
import { documentsRouter } from "./routers/documents";
import { gradesRouter } from "./routers/grades";
import { handInsRouter } from "./routers/hand-ins";
import { homeRouter } from "./routers/home";
import { homeworkRouter } from "./routers/homework";
import { importsRouter } from "./routers/imports";
import { meRouter } from "./routers/me";
import { messagingRouter } from "./routers/messaging";
import { newsRouter } from "./routers/news";
import { notificationsRouter } from "./routers/notifications";
import { privacyRouter } from "./routers/privacy";
import { reportCardsRouter } from "./routers/report-cards";
import { spacesRouter } from "./routers/spaces";
import { timetableRouter } from "./routers/timetable";
import { virtualClassesRouter } from "./routers/virtual-classes";

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
  virtualClasses: virtualClassesRouter,
  spaces: spacesRouter,
  files: filesRouter,
  handIns: handInsRouter,
  messaging: messagingRouter,
  notifications: notificationsRouter,
  news: newsRouter,
  documents: documentsRouter,
  blog: blogRouter,
  admin: adminRouter,
  imports: importsRouter,
  privacy: privacyRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
