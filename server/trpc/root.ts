import { createCallerFactory, router } from "./init";
import { accountRouter } from "./routers/account";
import { directoryRouter } from "./routers/directory";
import { meRouter } from "./routers/me";

export const appRouter = router({
  account: accountRouter,
  me: meRouter,
  directory: directoryRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
