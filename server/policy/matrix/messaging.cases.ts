import { DEMO_ACCOUNTS } from "@/server/seed/demo-accounts";
import { DEFAULT_RULES } from "@/server/messaging/settings";
import { caseGroup, COLLEGE, SIGNED_IN, TEACHERS } from "./kit";

const to = (recipients: { personIds?: string[]; listKeys?: string[]; inbox?: "direction" | "vie_scolaire" }) => ({
  subject: "Matrice",
  body: "Bonjour",
  to: { personIds: recipients.personIds ?? [], listKeys: recipients.listKeys ?? [], inbox: recipients.inbox ?? null },
  fileIds: [],
});

/** Everyone of the collège except pupils and families: teachers and every staff role write to anyone. */
const COLLEGE_STAFF = ["leadTeacher", "otherTeacher", "teacherParent", "direction", "cpe", "secretariat", "agent", "admin"] as const;
/** Who addresses 4eB's lists: its teachers, and the staff who address any class (not the agent, not the administrator). */
const LISTS_4EB = ["leadTeacher", "teacherParent", "direction", "cpe", "secretariat"] as const;

/** Messagerie, carnet de liaison, notifications and actualités: the communication rules above all. */
export const messagingCases = caseGroup({
  domain: "messaging",
  setup: async (kit) => {
    const sophie = await kit.callerOf("guardian");
    const claire = await kit.callerOf("leadTeacher");
    const isabelle = await kit.callerOf("direction");
    const claireId = await kit.idOf(DEMO_ACCOUNTS.leadTeacher.login);
    const sophieId = await kit.idOf(DEMO_ACCOUNTS.guardian.login);
    const class4eB = await kit.classId(COLLEGE, "4eB");
    const toDirection = (await sophie.messaging.start(to({ inbox: "direction" }))).conversationId;
    const file = await sophie.messaging.upload({ name: "mot.txt", content: Buffer.from("Mot d'excuse\n").toString("base64") });
    await sophie.messaging.start({ ...to({ personIds: [claireId] }), fileIds: [file.id] });
    const fromClaire = (await claire.messaging.start(to({ personIds: [sophieId] }))).conversationId;
    const [message] = (await claire.messaging.thread({ conversationId: fromClaire })).messages;
    await sophie.messaging.report({ messageId: message.id, reason: "Pour la matrice" });
    const [report] = await isabelle.messaging.reports();
    const { noteId } = await claire.messaging.carnet.sendToClass({ classId: class4eB, title: "Réunion", body: "Mardi" });
    const announcement = async () =>
      (await isabelle.news.publish({ title: "Aux familles de 4eB", body: "Sortie", classIds: [class4eB], roles: ["guardian"] })).id;
    return {
      class4eB,
      claire: claireId,
      hugo: await kit.idOf(DEMO_ACCOUNTS.classmate.login),
      emma: await kit.idOf(DEMO_ACCOUNTS.student.login),
      toDirection,
      fileId: file.id,
      messageToSophie: message.id,
      reportId: report.id,
      noteId,
      announcement: await announcement(),
      freshAnnouncement: announcement,
    };
  },
  cases: [
  { procedure: "messaging.start", label: "to claire, teacher of 4eB", allowed: ["student", "classmate", "guardian", "otherGuardian", "otherTeacher", "teacherParent", "direction", "cpe", "secretariat", "agent", "admin"],
    call: (api, t) => api.messaging.start(to({ personIds: [t.claire] })) },
  { procedure: "messaging.start", label: "to hugo, pupil of 4eB (never by families)", allowed: ["student", ...COLLEGE_STAFF],
    call: (api, t) => api.messaging.start(to({ personIds: [t.hugo] })) },
  { procedure: "messaging.start", label: "to the direction inbox (not pupils by default, not its members)", allowed: ["guardian", "otherGuardian", "leadTeacher", "otherTeacher", "teacherParent", "cpe", "secretariat", "agent", "admin", "ecoleAdmin"],
    call: (api) => api.messaging.start(to({ inbox: "direction" })) },
  { procedure: "messaging.start", label: "to the parents of 4eB", allowed: LISTS_4EB,
    call: (api, t) => api.messaging.start(to({ listKeys: [`guardians:${t.class4eB}`] })) },
  { procedure: "messaging.start", label: "to the pupils of 4eB", allowed: ["student", "classmate", ...LISTS_4EB],
    call: (api, t) => api.messaging.start(to({ listKeys: [`pupils:${t.class4eB}`] })) },
  { procedure: "messaging.recipients", label: "", allowed: SIGNED_IN, call: (api) => api.messaging.recipients({ query: "", page: 0 }) },
  { procedure: "messaging.addressBook", label: "", allowed: SIGNED_IN, call: (api) => api.messaging.addressBook() },
  { procedure: "messaging.conversations", label: "", allowed: SIGNED_IN, call: (api) => api.messaging.conversations({ folder: "inbox", search: "", page: 0 }) },
  { procedure: "messaging.unreadCount", label: "", allowed: SIGNED_IN, call: (api) => api.messaging.unreadCount() },
  { procedure: "messaging.thread", label: "of sophie's message to the direction inbox", allowed: ["guardian", "direction"],
    call: (api, t) => api.messaging.thread({ conversationId: t.toDirection }) },
  { procedure: "messaging.reply", label: "in sophie's conversation with the direction inbox", allowed: ["guardian", "direction"],
    call: (api, t) => api.messaging.reply({ conversationId: t.toDirection, body: "Réponse", fileIds: [], privateTo: null }) },
  { procedure: "messaging.markRead", label: "sophie's conversation with direction", allowed: ["guardian", "direction"],
    call: (api, t) => api.messaging.markRead({ conversationId: t.toDirection }) },
  { procedure: "messaging.archive", label: "sophie's conversation with direction", allowed: ["guardian", "direction"],
    call: (api, t) => api.messaging.archive({ conversationId: t.toDirection, archived: false }) },
  { procedure: "messaging.remove", label: "sophie's conversation with direction, for oneself", allowed: ["guardian", "direction"],
    call: (api, t) => api.messaging.remove({ conversationId: t.toDirection }) },
  { procedure: "messaging.upload", label: "", allowed: SIGNED_IN,
    call: (api) => api.messaging.upload({ name: "note.txt", content: Buffer.from("Bonjour\n").toString("base64") }) },
  { procedure: "messaging.attachment", label: "sent by sophie to claire", allowed: ["guardian", "leadTeacher"],
    call: (api, t) => api.messaging.attachment({ fileId: t.fileId }) },
  { procedure: "messaging.report", label: "claire's message to sophie", allowed: ["guardian"],
    call: (api, t) => api.messaging.report({ messageId: t.messageToSophie, reason: "Abusif" }) },
  { procedure: "messaging.reports", label: "", allowed: ["direction", "ecoleDirection"], call: (api) => api.messaging.reports() },
  { procedure: "messaging.closeReport", label: "of the collège", allowed: ["direction"], call: (api, t) => api.messaging.closeReport({ reportId: t.reportId }) },
  { procedure: "messaging.rules", label: "", allowed: ["direction", "admin", "ecoleDirection", "ecoleAdmin"], call: (api) => api.messaging.rules() },
  { procedure: "messaging.saveRules", label: "", allowed: ["direction", "admin", "ecoleDirection", "ecoleAdmin"], call: (api) => api.messaging.saveRules(DEFAULT_RULES) },
  { procedure: "messaging.carnet.classes", label: "", allowed: [...TEACHERS, "direction", "cpe", "ecoleDirection"], call: (api) => api.messaging.carnet.classes() },
  { procedure: "messaging.carnet.sendToClass", label: "4eB", allowed: ["leadTeacher", "teacherParent", "direction", "cpe"],
    call: (api, t) => api.messaging.carnet.sendToClass({ classId: t.class4eB, title: "Mot", body: "Texte" }) },
  { procedure: "messaging.carnet.sendToStudent", label: "emma (4eB)", allowed: ["leadTeacher", "teacherParent", "direction", "cpe"],
    call: (api, t) => api.messaging.carnet.sendToStudent({ studentId: t.emma, title: "Mot", body: "Texte" }) },
  { procedure: "messaging.carnet.sent", label: "", allowed: [...TEACHERS, "direction", "cpe", "ecoleDirection"], call: (api) => api.messaging.carnet.sent() },
  { procedure: "messaging.carnet.followUp", label: "of claire's note", allowed: ["leadTeacher"], call: (api, t) => api.messaging.carnet.followUp({ noteId: t.noteId }) },
  { procedure: "messaging.carnet.remind", label: "claire's note", allowed: ["leadTeacher"], call: (api, t) => api.messaging.carnet.remind({ noteId: t.noteId }) },
  { procedure: "messaging.carnet.mine", label: "", allowed: SIGNED_IN, call: (api) => api.messaging.carnet.mine({ waiting: true }) },
  { procedure: "messaging.carnet.acknowledge", label: "claire's note to 4eB's families", allowed: ["guardian", "otherGuardian"],
    call: (api, t) => api.messaging.carnet.acknowledge({ noteId: t.noteId }) },
  { procedure: "notifications.list", label: "one's own", allowed: SIGNED_IN, call: (api) => api.notifications.list({ page: 0 }) },
  { procedure: "notifications.unreadCount", label: "one's own", allowed: SIGNED_IN, call: (api) => api.notifications.unreadCount() },
  { procedure: "notifications.markRead", label: "one's own", allowed: SIGNED_IN, call: (api) => api.notifications.markRead({}) },
  { procedure: "notifications.preferences", label: "one's own", allowed: SIGNED_IN, call: (api) => api.notifications.preferences() },
  { procedure: "notifications.setPreference", label: "one's own", allowed: SIGNED_IN,
    call: (api) => api.notifications.setPreference({ kind: "grade", mail: "digest" }) },
  { procedure: "news.feed", label: "", allowed: SIGNED_IN, call: (api) => api.news.feed() },
  { procedure: "news.classes", label: "", allowed: SIGNED_IN, call: (api) => api.news.classes() },
  { procedure: "news.publish", label: "to the whole establishment", allowed: ["direction", "cpe", "secretariat", "ecoleDirection"],
    call: (api) => api.news.publish({ title: "Info", body: "Texte" }) },
  { procedure: "news.publish", label: "to 4eB", allowed: LISTS_4EB, call: (api, t) => api.news.publish({ title: "Info", body: "Texte", classIds: [t.class4eB] }) },
  { procedure: "news.markRead", label: "an announcement to 4eB's families", allowed: ["guardian", "otherGuardian", "direction"],
    call: (api, t) => api.news.markRead({ announcementId: t.announcement }) },
  { procedure: "news.remove", label: "direction's announcement", allowed: ["direction"],
    call: async (api, t) => api.news.remove({ announcementId: await t.freshAnnouncement() }) },
  { procedure: "news.canteenWeek", label: "", allowed: SIGNED_IN, call: (api) => api.news.canteenWeek({ day: "2026-11-23" }) },
  { procedure: "news.saveCanteenDay", label: "", allowed: ["direction", "secretariat", "agent", "ecoleDirection"],
    call: (api) => api.news.saveCanteenDay({ day: "2026-11-23", courses: [{ name: "Lasagnes", allergens: ["gluten", "milk"] }] }) },
  ],
});
