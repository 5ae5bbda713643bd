import { cookies, headers } from "next/headers";
import { cache } from "react";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from "@/app/i18n/locales";
import { sessionIdFromCookie } from "@/server/auth/current";
import { clientIpOf, sessionCookieName } from "@/server/auth/request";
import { getRuntime } from "@/server/runtime";
import { type Context, createContext } from "./context";
import { createCaller } from "./root";

/** The tRPC context of the current Next.js request (route handler or server component). */
export async function requestContext(): Promise<Context> {
  // The request first: while Next.js tries to prerender a page, this is where it learns the page is dynamic, before
  // anything opens the database.
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const runtime = await getRuntime();
  const locale = cookieStore.get(LOCALE_COOKIE)?.value;
  return createContext({
    ...runtime,
    locale: isLocale(locale) ? locale : DEFAULT_LOCALE,
    ip: clientIpOf((name) => headerList.get(name)),
    sessionId: await sessionIdFromCookie(cookieStore.get(sessionCookieName())?.value),
  });
}

/**
 * Server components call procedures directly, through the same policy as the browser. Memoised for the request, so
 * that the layout, the page and its components check the session once.
 */
export const serverCaller = cache(async () => {
  const ctx = await requestContext();
  return { ctx, api: createCaller(ctx) };
});

export type ServerApi = Awaited<ReturnType<typeof serverCaller>>["api"];

/** Who is signed in, read once per request however many of the layout's and the page's components ask. */
export const whoAmI = cache(async () => (await serverCaller()).api.me.whoAmI());
