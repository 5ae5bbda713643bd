import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { TRPCError } from "@trpc/server";
import { fileResponse } from "@/server/http/file-response";
import { serverCaller } from "@/server/trpc/request-context";

/**
 * A stored file (of a space, of a person's own files, of a hand-in), for the people the policy allows: through the
 * same procedure as the pages, as an attachment — or, with ?affichage=image, a raster image shown inside a document.
 */
export async function GET(request: Request, { params }: { params: Promise<{ fileId: string }> }) {
  const { fileId } = await params;
  const { api } = await serverCaller();
  try {
    const file = await api.files.download({ storedFileId: fileId });
    const inline = new URL(request.url).searchParams.get("affichage") === "image";
    return fileResponse(file, Buffer.from(file.content, "base64"), { inline });
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return new Response(error.message, { status: getHTTPStatusCodeFromError(error) });
  }
}
