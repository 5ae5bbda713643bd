import { createCallerFactory, router } from "./init";
import { accountRouter } from "./routers/account";
import { directoryRouter } from "./routers/directory";
import { gradesRouter } from "./routers/grades";
import { meRouter } from "./routers/me";
import { reportCardsRouter } from "./routers/report-cards";

export const appRouter = router({
  account: accountRouter,
  me: meRouter,
  directory: directoryRouter,
  grades: gradesRouter,
  reportCards: reportCardsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
