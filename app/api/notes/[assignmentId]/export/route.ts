import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { TRPCError } from "@trpc/server";
import { marksTableRows, toSpreadsheetCsv } from "@/server/grades/export";
import { asciiFileName } from "@/server/http/file-name";
import { serverTranslator } from "@/server/i18n/translate";
import { serverCaller } from "@/server/trpc/request-context";

/** A teacher's download of a class's marks for one period, through the same procedure and policy as the pages. */
export async function GET(request: Request, { params }: { params: Promise<{ assignmentId: string }> }) {
  const { assignmentId } = await params;
  const periodId = new URL(request.url).searchParams.get("periode") ?? "";
  const { ctx, api } = await serverCaller();
  try {
    const table = await api.grades.exportMarks({ assignmentId, periodId });
    const name = asciiFileName(
      serverTranslator(ctx.locale)("grades.export.filename"),
      [table.assignment.className ?? table.assignment.groupName, table.assignment.subject],
      "csv",
    );
    return new Response(toSpreadsheetCsv(marksTableRows(table, ctx.locale)), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return new Response(error.message, { status: getHTTPStatusCodeFromError(error) });
  }
}
