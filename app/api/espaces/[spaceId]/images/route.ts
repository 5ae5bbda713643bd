import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { TRPCError } from "@trpc/server";
import { env } from "@/server/env";
import { serverCaller } from "@/server/trpc/request-context";

/**
 * An image for a co-edited document of the space (the editor posts it as multipart form data, field "file"): kept in
 * the space's files, images only by their content, answered with the address that shows it inline. Like tRPC's
 * mutations, it is refused to another site's pages.
 */
export async function POST(request: Request, { params }: { params: Promise<{ spaceId: string }> }) {
  const origin = request.headers.get("origin");
  if (origin !== null && origin !== new URL(env().PUBLIC_URL).origin) return new Response("Cross-site request refused", { status: 403 });
  const { spaceId } = await params;
  const { api } = await serverCaller();
  const form = await request.formData().catch(() => null);
  const file = form?.get("file");
  if (!(file instanceof File)) return Response.json({ error: "files.errors.empty" }, { status: 400 });
  try {
    const content = Buffer.from(await file.arrayBuffer()).toString("base64");
    const stored = await api.files.uploadImage({ spaceId, file: { name: file.name || "image", content } });
    return Response.json({ url: `/api/fichiers/${stored.storedFileId}?affichage=image` }, { status: 201 });
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return Response.json({ error: error.message }, { status: getHTTPStatusCodeFromError(error) });
  }
}
