import { validateSession } from "@/server/auth/sessions";
import { liveEventsFor } from "@/server/messaging/live";
import { serverCaller } from "@/server/trpc/request-context";

export const dynamic = "force-dynamic";

/** A comment line now and then keeps proxies from closing a quiet stream; the session is checked at the same pace. */
const HEARTBEAT_MS = 25_000;

/**
 * The real-time channel of the portal (Server-Sent Events): authenticated by the session cookie like the tRPC route,
 * it streams what concerns the signed-in person as the event bus delivers it (from any instance, over Redis). The
 * pages refetch what an event names; nothing polls. Ends when the session is revoked, goes idle or expires (the
 * stream itself is not activity), or when the page goes away.
 */
export async function GET(request: Request) {
  const { ctx } = await serverCaller();
  if (!ctx.actor) return new Response("Unauthorized", { status: 401 });
  const { personId, sessionId } = ctx.actor;
  const encoder = new TextEncoder();
  let stop = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      const unsubscribe = liveEventsFor(ctx.bus, personId, (event) => {
        write(`data: ${JSON.stringify(event)}\n\n`);
        if (event.type === "closed") stop();
      });
      const heartbeat = setInterval(() => {
        void validateSession(ctx.db, sessionId, new Date(), { touch: false }).then(
          (session) => {
            if (session) return write(": ping\n\n");
            write(`data: ${JSON.stringify({ type: "closed" })}\n\n`);
            stop();
          },
          () => write(": ping\n\n"),
        );
      }, HEARTBEAT_MS);
      stop = () => {
        clearInterval(heartbeat);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      request.signal.addEventListener("abort", () => stop());
      write("retry: 3000\n\n");
    },
    cancel: () => stop(),
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}
