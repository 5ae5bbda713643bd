import { getRuntime } from "@/server/runtime";
import { feedCalendar } from "@/server/timetable/ics";

/**
 * A person's timetable as an iCalendar feed, for calendar apps that subscribe to its URL. The secret token in the URL
 * is the only credential (calendar apps carry no session); an unknown or revoked token is a plain 404.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const token = (await params).token.replace(/\.ics$/, "");
  const { db } = await getRuntime();
  const calendar = /^[\w-]{20,100}$/.test(token) ? await feedCalendar(db, token) : null;
  if (!calendar) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(calendar, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="emploi-du-temps.ics"',
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}
