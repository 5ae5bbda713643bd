import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { role } from "@/drizzle/schema";
import {
  announcementFeed,
  deleteAnnouncement,
  markAnnouncementRead,
  publishAnnouncement,
  targetableClasses,
} from "@/server/news/announcements";
import { ALLERGENS } from "@/server/news/allergens";
import { CANTEEN_EDITORS, canteenWeek, saveCanteenDay } from "@/server/news/canteen";
import { mondayOf } from "@/server/calendar/days";
import { can } from "@/server/policy/policy";
import { establishmentProcedure, objectProcedure, roleProcedure, router } from "../init";

const byAnnouncement = z.object({ announcementId: z.uuid() });
const course = z.object({ name: z.string().trim().min(1).max(120), allergens: z.array(z.enum(ALLERGENS)).max(ALLERGENS.length) });

/** Actualités: announcements to the establishment, some classes or some profiles, with their read counts. */
export const newsRouter = router({
  feed: establishmentProcedure.query(({ ctx }) => announcementFeed(ctx.db, ctx.scope)),

  /** The classes one may address an announcement to; empty for who may not publish. */
  classes: establishmentProcedure.query(({ ctx }) => targetableClasses(ctx.db, ctx.scope)),

  publish: establishmentProcedure
    .input(
      z.object({
        title: z.string().trim().min(1).max(200),
        body: z.string().trim().min(1).max(10_000),
        classIds: z.array(z.uuid()).max(100).default([]),
        roles: z.array(z.enum(role.enumValues)).max(8).default([]),
        pinned: z.boolean().default(false),
        publishAt: z.date().optional(),
        expiresAt: z.date().nullable().default(null),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const audiences = input.classIds.length ? input.classIds : [ctx.scope.establishmentId];
      for (const audience of audiences) {
        if (!(await can(ctx.db, ctx.scope, "news.audience", audience))) throw new TRPCError({ code: "FORBIDDEN", message: "errors.forbidden" });
      }
      const publishAt = input.publishAt ?? new Date();
      const id = await publishAnnouncement(ctx.db, ctx.scope, { ...input, publishAt });
      if (publishAt <= new Date()) await ctx.bus.publish("announcement.published", { establishmentId: ctx.scope.establishmentId, announcementId: id });
      return { id };
    }),

  markRead: objectProcedure(byAnnouncement, "news.read", (i) => i.announcementId).mutation(({ ctx, input }) =>
    markAnnouncementRead(ctx.db, ctx.scope, input.announcementId),
  ),

  remove: objectProcedure(byAnnouncement, "news.edit", (i) => i.announcementId).mutation(({ ctx, input }) =>
    deleteAnnouncement(ctx.db, input.announcementId),
  ),

  /** The canteen's menus of the week of `day`, with their allergens, for everyone of the establishment. */
  canteenWeek: establishmentProcedure
    .input(z.object({ day: z.iso.date() }))
    .query(({ ctx, input }) => canteenWeek(ctx.db, ctx.scope.establishmentId, mondayOf(input.day))),

  saveCanteenDay: roleProcedure(...CANTEEN_EDITORS)
    .input(z.object({ day: z.iso.date(), courses: z.array(course).max(8) }))
    .mutation(({ ctx, input }) => saveCanteenDay(ctx.db, ctx.scope.establishmentId, ctx.actor.personId, input.day, input.courses)),
});
