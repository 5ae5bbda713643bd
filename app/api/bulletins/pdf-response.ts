import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { Locale } from "@/app/i18n/locales";
import { asciiFileName } from "@/server/http/file-name";
import { hasMessage, serverTranslator } from "@/server/i18n/translate";
import { reportCardLayout } from "@/server/report-cards/pdf/layout";
import { renderReportCards } from "@/server/report-cards/pdf/render";
import type { ReportCardSnapshot } from "@/server/report-cards/snapshot";
import { serverCaller, type ServerApi } from "@/server/trpc/request-context";

/** What a bulletins download asks the procedures for: the bulletins to print and the words of the file's name. */
type Printable = { cards: ReportCardSnapshot[]; prefix: "filename" | "classFilename"; nameParts: string[] } | null;

/**
 * Serves bulletins as a PDF download, read through the same procedures (and so the same policy and audit) as the
 * pages. A refusal or a missing bulletin answers with its HTTP status and a translated message, never a PDF.
 */
export async function pdfDownload(read: (api: ServerApi) => Promise<Printable>): Promise<Response> {
  const { ctx, api } = await serverCaller();
  const t = serverTranslator(ctx.locale);
  try {
    const printable = await read(api);
    if (!printable || printable.cards.length === 0) return textResponse(t("errors.notFound"), 404);
    const pdf = await renderReportCards(printable.cards.map((card) => reportCardLayout(card, ctx.locale)));
    const period = printable.cards[0].period;
    const name = asciiFileName(
      t(`reportCards.pdf.${printable.prefix}`),
      [...printable.nameParts, periodSlug(ctx.locale, period)],
      "pdf",
    );
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${name}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const message = hasMessage(ctx.locale, error.message) ? t(error.message as "errors.notFound") : t("errors.badRequest");
    return textResponse(message, getHTTPStatusCodeFromError(error));
  }
}

function periodSlug(locale: Locale, period: ReportCardSnapshot["period"]): string {
  return serverTranslator(locale)("reportCards.pdf.period", { kind: period.kind, ordinal: period.ordinal });
}

function textResponse(message: string, status: number): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
