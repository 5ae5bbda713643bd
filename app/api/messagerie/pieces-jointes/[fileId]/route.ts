import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { TRPCError } from "@trpc/server";
import { fileResponse } from "@/server/http/file-response";
import { readAttachment } from "@/server/messaging/attachments";
import { serverCaller } from "@/server/trpc/request-context";

/**
 * A message's attachment, for whoever sees the message: the policy answers through the same procedure as the pages,
 * then the bytes come from the shared file store, served as a download.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ fileId: string }> }) {
  const { fileId } = await params;
  const { ctx, api } = await serverCaller();
  try {
    await api.messaging.attachment({ fileId });
    const found = await readAttachment(ctx.db, fileId);
    if (!found) return new Response("Not found", { status: 404 });
    return fileResponse(found.file, found.bytes);
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return new Response(error.message, { status: getHTTPStatusCodeFromError(error) });
  }
}
