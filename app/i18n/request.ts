import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { CATALOGUE } from "./catalogue";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from "./locales";

/** The language of a request: the person's choice (cookie), French otherwise. */
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen) ? chosen : DEFAULT_LOCALE;
  return { locale, messages: CATALOGUE[locale], timeZone: "Europe/Paris" };
});
