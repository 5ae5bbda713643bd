import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { env } from "@/server/env";
import { appRouter } from "@/server/trpc/root";
import { requestContext } from "@/server/trpc/request-context";

/** Mutations only from Préau's own pages: a cross-site form or script is refused before it reaches a procedure. */
function isCrossSite(request: Request): boolean {
  if (request.method === "GET") return false;
  const origin = request.headers.get("origin");
  return origin !== null && origin !== new URL(env().PUBLIC_URL).origin;
}

function handler(request: Request) {
  if (isCrossSite(request)) return new Response("Cross-site request refused", { status: 403 });
  return fetchRequestHandler({ endpoint: "/api/trpc", req: request, router: appRouter, createContext: requestContext });
}

export { handler as GET, handler as POST };
