import { z } from "zod";
import { acknowledgeNote, guardianNotes, noteFollowUp, remindNote, sendNote, sentNotes } from "@/server/messaging/carnet";
import { targetableClasses } from "@/server/news/announcements";
import { establishmentProcedure, objectProcedure, roleProcedure, router } from "../init";

const note = z.object({ title: z.string().trim().min(1).max(200), body: z.string().trim().min(1).max(5000) });
const byNote = z.object({ noteId: z.uuid() });

/** Carnet de liaison: notes to families that need their "vu", inside the messaging router. */
export const carnetRouter = router({
  /** The classes one may send a note to (a teacher's own; every class for direction and vie scolaire). */
  classes: roleProcedure("teacher", "direction", "cpe").query(({ ctx }) => targetableClasses(ctx.db, ctx.scope)),

  sendToClass: objectProcedure(note.extend({ classId: z.uuid() }), "carnet.class", (i) => i.classId).mutation(async ({ ctx, input }) => {
    const sent = await sendNote(ctx.db, ctx.scope, input);
    await ctx.bus.publish("carnet.sent", sent);
    return { noteId: sent.noteId };
  }),

  sendToStudent: objectProcedure(note.extend({ studentId: z.uuid() }), "carnet.student", (i) => i.studentId).mutation(async ({ ctx, input }) => {
    const sent = await sendNote(ctx.db, ctx.scope, input);
    await ctx.bus.publish("carnet.sent", sent);
    return { noteId: sent.noteId };
  }),

  sent: roleProcedure("teacher", "direction", "cpe").query(({ ctx }) => sentNotes(ctx.db, ctx.scope)),

  followUp: objectProcedure(byNote, "carnet.follow", (i) => i.noteId).query(({ ctx, input }) => noteFollowUp(ctx.db, input.noteId)),

  remind: objectProcedure(byNote, "carnet.follow", (i) => i.noteId).mutation(async ({ ctx, input }) => {
    const sent = await remindNote(ctx.db, ctx.scope, input.noteId);
    if (sent.guardianIds.length) await ctx.bus.publish("carnet.sent", sent);
    return { reminded: sent.guardianIds.length };
  }),

  /** A guardian's notes; `waiting` keeps those still to acknowledge (the home page's widget). */
  mine: establishmentProcedure
    .input(z.object({ waiting: z.boolean().default(false) }))
    .query(({ ctx, input }) => guardianNotes(ctx.db, ctx.scope, { waitingOnly: input.waiting })),

  acknowledge: objectProcedure(byNote, "carnet.acknowledge", (i) => i.noteId).mutation(async ({ ctx, input }) => {
    await ctx.bus.publish("carnet.acknowledged", await acknowledgeNote(ctx.db, ctx.scope, input.noteId));
  }),
});
