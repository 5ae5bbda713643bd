import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { TRPCError } from "@trpc/server";
import { serverTranslator } from "@/server/i18n/translate";
import { serverCaller } from "@/server/trpc/request-context";

/**
 * The document sent with a justification, for the guardian who sent it and vie scolaire: through the same procedure
 * and policy as the pages, served as an attachment under a generated name with the type read from its bytes.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ justificationId: string }> }) {
  const { justificationId } = await params;
  const { ctx, api } = await serverCaller();
  try {
    const found = await api.attendance.document({ justificationId });
    const prefix = serverTranslator(ctx.locale)("attendance.document.filename");
    return new Response(Buffer.from(found.content, "base64"), {
      headers: {
        "Content-Type": found.type,
        "Content-Disposition": `attachment; filename="${prefix}-${found.day}.${found.extension}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return new Response(error.message, { status: getHTTPStatusCodeFromError(error) });
  }
}
