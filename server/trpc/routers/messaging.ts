import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { recordAudit } from "@/server/audit";
import { conversationAccess } from "@/server/messaging/access";
import { uploadAttachment } from "@/server/messaging/attachments";
import { deleteForMe, listConversations, markRead, setArchived, conversationThread, unreadCount } from "@/server/messaging/mailbox";
import { addressBook, searchRecipients } from "@/server/messaging/recipients";
import { closeReport, openReports, reportMessage } from "@/server/messaging/reports";
import { reply, startConversation } from "@/server/messaging/send";
import { communicationRules, RULE_KEYS, saveCommunicationRules } from "@/server/messaging/settings";
import { findStoredFile } from "@/server/files/files";
import { can } from "@/server/policy/policy";
import type { Scope } from "@/server/policy/scope";
import type { Context } from "../context";
import { establishmentProcedure, objectProcedure, roleProcedure, router } from "../init";
import { carnetRouter } from "./carnet";

const byConversation = z.object({ conversationId: z.uuid() });
const body = z.string().trim().min(1).max(10_000);
const fileIds = z.array(z.uuid()).max(5).default([]);
/** base64 of at most 10 MB, with room for padding: the exact size is the file service's to refuse, translated */
const upload = z.object({ name: z.string().min(1).max(255), content: z.base64().max(Math.ceil((10 * 1024 * 1024) / 3) * 4 + 8) });
const rules = z.object(Object.fromEntries(RULE_KEYS.map((key) => [key, z.boolean()])) as Record<(typeof RULE_KEYS)[number], z.ZodBoolean>);

type WithScope = Context & { scope: Scope };

/** The conversation the policy already let through: read again for the service (its inbox, its broadcast). */
async function accessOf(ctx: WithScope, conversationId: string) {
  const access = await conversationAccess(ctx.db, ctx.scope, conversationId);
  if (!access) throw new TRPCError({ code: "FORBIDDEN", message: "errors.forbidden" });
  return access;
}

/** Every recipient of a new message, by the access policy's communication rules: one refused refuses the message. */
async function mayAddress(ctx: WithScope, to: { personIds: string[]; listKeys: string[]; inbox: string | null }) {
  const asked = [
    ...to.personIds.map((id) => ["messaging.writeTo", id] as const),
    ...to.listKeys.map((key) => ["messaging.list", key] as const),
    ...(to.inbox ? [["messaging.inbox", to.inbox] as const] : []),
  ];
  for (const [permission, target] of asked) {
    if (!(await can(ctx.db, ctx.scope, permission, target))) throw new TRPCError({ code: "FORBIDDEN", message: "errors.forbidden" });
  }
}

/** Messagerie: conversations, shared inboxes, the recipient picker, attachments, reports and the communication rules. */
export const messagingRouter = router({
  recipients: establishmentProcedure
    .input(z.object({ query: z.string().max(100).default(""), page: z.int().min(0).max(1000).default(0) }))
    .query(({ ctx, input }) => searchRecipients(ctx.db, ctx.scope, input)),

  addressBook: establishmentProcedure.query(({ ctx }) => addressBook(ctx.db, ctx.scope)),

  conversations: establishmentProcedure
    .input(z.object({ folder: z.enum(["inbox", "archive"]).default("inbox"), search: z.string().max(100).default(""), page: z.int().min(0).max(1000).default(0) }))
    .query(({ ctx, input }) => listConversations(ctx.db, ctx.scope, input)),

  unreadCount: establishmentProcedure.query(({ ctx }) => unreadCount(ctx.db, ctx.scope)),

  thread: objectProcedure(byConversation, "conversation.read", (i) => i.conversationId).query(async ({ ctx, input }) =>
    conversationThread(ctx.db, ctx.scope, await accessOf(ctx, input.conversationId)),
  ),

  start: establishmentProcedure
    .input(
      z.object({
        subject: z.string().trim().min(1).max(200),
        body,
        to: z.object({
          personIds: z.array(z.uuid()).max(100).default([]),
          listKeys: z.array(z.string().max(80)).max(20).default([]),
          inbox: z.enum(["direction", "vie_scolaire"]).nullable().default(null),
        }),
        fileIds,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await mayAddress(ctx, input.to);
      const sent = await startConversation(ctx.db, ctx.scope, input);
      await ctx.bus.publish("message.sent", sent);
      return { conversationId: sent.conversationId };
    }),

  reply: objectProcedure(byConversation.extend({ body, fileIds, privateTo: z.uuid().nullable().default(null) }), "conversation.read", (i) => i.conversationId)
    .mutation(async ({ ctx, input }) => {
      const sent = await reply(ctx.db, ctx.scope, await accessOf(ctx, input.conversationId), input);
      await ctx.bus.publish("message.sent", sent);
      return { messageId: sent.messageId };
    }),

  markRead: objectProcedure(byConversation, "conversation.read", (i) => i.conversationId).mutation(({ ctx, input }) =>
    markRead(ctx.db, ctx.scope, input.conversationId),
  ),

  archive: objectProcedure(byConversation.extend({ archived: z.boolean() }), "conversation.read", (i) => i.conversationId).mutation(
    ({ ctx, input }) => setArchived(ctx.db, ctx.scope, input.conversationId, input.archived),
  ),

  /** Deletes the conversation for oneself only. */
  remove: objectProcedure(byConversation, "conversation.read", (i) => i.conversationId).mutation(({ ctx, input }) =>
    deleteForMe(ctx.db, ctx.scope, input.conversationId),
  ),

  upload: establishmentProcedure.input(upload).mutation(({ ctx, input }) =>
    uploadAttachment(ctx.db, ctx.scope, { name: input.name, bytes: Buffer.from(input.content, "base64") }),
  ),

  /** An attachment's record, for the download route, which then reads its bytes. */
  attachment: objectProcedure(z.object({ fileId: z.uuid() }), "attachment.read", (i) => i.fileId).query(async ({ ctx, input }) => {
    const file = await findStoredFile(ctx.db, input.fileId);
    if (!file) throw new TRPCError({ code: "NOT_FOUND", message: "errors.notFound" });
    return { id: file.id, name: file.name, contentType: file.contentType, size: file.size };
  }),

  report: objectProcedure(z.object({ messageId: z.uuid(), reason: z.string().trim().min(3).max(1000) }), "message.report", (i) => i.messageId)
    .mutation(({ ctx, input }) => reportMessage(ctx.db, ctx.scope, input.messageId, input.reason)),

  /** The moderators (direction) see the open reports of their establishment. */
  reports: roleProcedure("direction").query(({ ctx }) => openReports(ctx.db, ctx.scope.establishmentId)),

  closeReport: objectProcedure(z.object({ reportId: z.uuid() }), "report.close", (i) => i.reportId)
    .mutation(async ({ ctx, input }) => {
      await closeReport(ctx.db, ctx.scope, input.reportId);
      await recordAudit(ctx.db, { action: "messaging.report.closed", actorId: ctx.actor.personId, establishmentId: ctx.scope.establishmentId, ip: ctx.ip, details: { reportId: input.reportId } });
    }),

  rules: roleProcedure("admin", "direction").query(({ ctx }) => communicationRules(ctx.db, ctx.scope.establishmentId)),

  saveRules: roleProcedure("admin", "direction")
    .input(rules)
    .mutation(async ({ ctx, input }) => {
      await saveCommunicationRules(ctx.db, ctx.scope.establishmentId, ctx.actor.personId, input);
      await recordAudit(ctx.db, { action: "messaging.rules.updated", actorId: ctx.actor.personId, establishmentId: ctx.scope.establishmentId, ip: ctx.ip, details: input });
    }),

  carnet: carnetRouter,
});
