import { z } from "zod";
import { mailDelivery } from "@/drizzle/schema";
import { env } from "@/server/env";
import { listNotifications, markNotificationsRead, unreadNotifications } from "@/server/notifications/centre";
import { NOTIFICATION_KINDS, type NotificationKind } from "@/server/notifications/kinds";
import { mailPreferences, setMailPreference } from "@/server/notifications/preferences";
import { eq } from "drizzle-orm";
import { people } from "@/drizzle/schema";
import { authedProcedure, router } from "../init";

/** The notification centre of the signed-in person: their own notifications and e-mail choices, nobody else's. */
export const notificationsRouter = router({
  list: authedProcedure
    .input(z.object({ page: z.int().min(0).max(1000).default(0) }))
    .query(({ ctx, input }) => listNotifications(ctx.db, ctx.actor.personId, input.page)),

  unreadCount: authedProcedure.query(({ ctx }) => unreadNotifications(ctx.db, ctx.actor.personId)),

  markRead: authedProcedure
    .input(z.object({ ids: z.array(z.uuid()).max(100).optional() }))
    .mutation(({ ctx, input }) => markNotificationsRead(ctx.db, ctx.actor.personId, input.ids)),

  /** One's e-mail choices, and whether e-mail can go out at all (SMTP configured, an address known). */
  preferences: authedProcedure.query(async ({ ctx }) => {
    const [person] = await ctx.db.select({ email: people.email }).from(people).where(eq(people.id, ctx.actor.personId));
    return { mail: await mailPreferences(ctx.db, ctx.actor.personId), mailConfigured: Boolean(env().SMTP_URL), email: person?.email ?? null };
  }),

  setPreference: authedProcedure
    .input(z.object({ kind: z.enum(NOTIFICATION_KINDS as [NotificationKind, ...NotificationKind[]]), mail: z.enum(mailDelivery.enumValues) }))
    .mutation(({ ctx, input }) => setMailPreference(ctx.db, ctx.actor.personId, input.kind, input.mail)),
});
