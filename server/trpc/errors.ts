import type { TRPCError } from "@trpc/server";
import type { Locale } from "@/app/i18n/locales";
import { hasMessage, serverTranslator } from "@/server/i18n/translate";

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  input?: unknown;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
}

function issuesOf(cause: unknown): Issue[] | null {
  const issues = (cause as { issues?: unknown } | undefined)?.issues;
  return Array.isArray(issues) ? (issues as Issue[]) : null;
}

/** A schema may name its own message by catalogue key, e.g. `z.literal(true, { error: "validation.charterRequired" })`. */
function issueMessage(issue: Issue, locale: Locale): string {
  const t = serverTranslator(locale);
  if (hasMessage(locale, issue.message)) return t(issue.message as never);
  const bound = { minimum: Number(issue.minimum), maximum: Number(issue.maximum) };
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined || issue.input === null ? t("validation.required") : t("validation.invalid");
    case "too_small":
      if (issue.origin === "string" && bound.minimum === 1) return t("validation.required");
      return issue.origin === "string" ? t("validation.tooShort", bound) : t("validation.tooSmall", bound);
    case "too_big":
      return issue.origin === "string" ? t("validation.tooLong", bound) : t("validation.tooBig", bound);
    case "invalid_format":
      return t("validation.invalidFormat");
    case "invalid_value":
      return t("validation.invalidValue");
    default:
      return t("validation.invalid");
  }
}

/** Field errors of a failed input validation, translated and keyed by field path ("password", "child.id"). */
export function translatedFieldErrors(error: TRPCError, locale: Locale): Record<string, string> | null {
  const issues = issuesOf(error.cause);
  if (!issues) return null;
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "_";
    fields[key] ??= issueMessage(issue, locale);
  }
  return fields;
}

const GENERIC_KEYS: Partial<Record<TRPCError["code"], string>> = {
  UNAUTHORIZED: "errors.unauthorized",
  FORBIDDEN: "errors.forbidden",
  NOT_FOUND: "errors.notFound",
  BAD_REQUEST: "errors.badRequest",
  TOO_MANY_REQUESTS: "errors.tooManyRequests",
};

/**
 * Procedures throw catalogue keys ("errors.forbidden"), never sentences; the person reads them in their language.
 * Anything else (an unexpected failure) is never shown as is.
 */
export function translatedMessage(error: TRPCError, locale: Locale): string {
  const t = serverTranslator(locale);
  if (hasMessage(locale, error.message)) return t(error.message as never);
  return t((GENERIC_KEYS[error.code] ?? "errors.internal") as never);
}
