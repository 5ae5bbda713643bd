import { and, eq } from "drizzle-orm";
import { handInFiles, spaceFiles, spaces, storedFiles } from "@/drizzle/schema";
import { DEMO_ACCOUNTS } from "@/server/seed/demo-accounts";
import { DEMO_CLUB, DEMO_GROUP_WORK } from "@/server/seed/spaces";
import { caseGroup, COLLEGE, type MatrixKit, SIGNED_IN, TEACHERS } from "./kit";

const text = (value: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: value }] }] });
const note = (name = "notes.txt") => ({ name, content: Buffer.from("Plan de l'exposé\n").toString("base64") });
const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

/** The 4eB class space's owners and contributors (its teachers, the direction, its pupils), and its families too. */
const MEMBERS_4EB = ["leadTeacher", "teacherParent", "direction", "student", "classmate"] as const;
const READERS_4EB = [...MEMBERS_4EB, "guardian", "otherGuardian"] as const;
const OWNERS_4EB = ["leadTeacher", "teacherParent", "direction"] as const;
/** The group-work team of emma and hugo: its pupils, and the teachers of 4eB who own it. */
const GROUP_WORK = ["leadTeacher", "teacherParent", "student", "classmate"] as const;
const STAFF = ["direction", "cpe", "secretariat", "agent", "ecoleDirection"] as const;

async function spaceNamed(kit: MatrixKit, name: string) {
  const [row] = await kit.db.select({ id: spaces.id }).from(spaces).where(eq(spaces.name, name));
  return row.id;
}

async function classSpaceOf(kit: MatrixKit, className: string) {
  const classId = await kit.classId(COLLEGE, className);
  const [row] = await kit.db.select({ id: spaces.id }).from(spaces).where(and(eq(spaces.kind, "class"), eq(spaces.classId, classId)));
  return row.id;
}

/** Spaces, their streams, documents and members; files of spaces and of each person. */
export const spacesCases = caseGroup({
  domain: "spaces",
  setup: async (kit) => {
    const emma = await kit.callerOf("student");
    const claire = await kit.callerOf("leadTeacher");
    const class4eB = await classSpaceOf(kit, "4eB");
    const groupWork = await spaceNamed(kit, DEMO_GROUP_WORK);
    const emmaId = await kit.idOf(DEMO_ACCOUNTS.student.login);
    const hugoId = await kit.idOf(DEMO_ACCOUNTS.classmate.login);
    /** A team of claire's (its one owner), or a group-work team of emma and hugo in 4eB (owned by 4eB's teachers). */
    const freshTeam = async () => (await claire.spaces.createTeam({ name: "Chorale", description: "" })).id;
    const freshGroupWork = async () => (await claire.spaces.createGroupWork({ spaceId: class4eB, name: "Équipe 3", pupilIds: [emmaId, hugoId] })).id;
    const archived = async (fresh: () => Promise<string>) => {
      const spaceId = await fresh();
      await claire.spaces.archive({ spaceId });
      return spaceId;
    };
    const upload = async (spaceId: string | null, forFamilies = false) =>
      (await emma.files.upload({ spaceId, folderId: null, forFamilies, file: note() })) as { id: string; storedFileId: string };
    const shared = await upload(class4eB, true);
    const unshared = await upload(class4eB);
    const personal = await upload(null);
    const [handedIn] = await kit.db.select({ id: handInFiles.storedFileId }).from(handInFiles).innerJoin(storedFiles, eq(storedFiles.id, handInFiles.storedFileId));
    const [seeded] = await kit.db.select({ id: spaceFiles.id }).from(spaceFiles).where(eq(spaceFiles.spaceId, class4eB));
    return {
      class4eB,
      groupWork,
      club: await spaceNamed(kit, DEMO_CLUB),
      emma: emmaId,
      hugo: hugoId,
      freshTeam,
      freshGroupWork,
      archivedTeam: () => archived(freshTeam),
      archivedGroupWork: () => archived(freshGroupWork),
      sharedFile: shared.storedFileId,
      unsharedFile: unshared.storedFileId,
      personalFile: personal.storedFileId,
      personalSpaceFile: personal.id,
      handedInFile: handedIn.id,
      seededFile: seeded.id,
      freshPost: async () => (await emma.spaces.post({ spaceId: class4eB, body: text("Bonjour"), audience: "members" })).id,
      freshDocument: async () => (await emma.spaces.createDocument({ spaceId: groupWork, title: "Brouillon" })).id,
      freshFile: async () => (await upload(class4eB)).id,
      freshFolder: async () => (await emma.files.createFolder({ spaceId: class4eB, parentId: null, name: "Dossier" })).id,
    };
  },
  cases: [
    { procedure: "spaces.mine", label: "", allowed: SIGNED_IN, call: (api) => api.spaces.mine({ page: 1, sort: "name" }) },
    { procedure: "spaces.mine", label: "archived", allowed: SIGNED_IN, call: (api) => api.spaces.mine({ page: 1, sort: "name", archived: true }) },
    { procedure: "spaces.get", label: "4eB's class space", allowed: READERS_4EB, call: (api, t) => api.spaces.get({ spaceId: t.class4eB }) },
    { procedure: "spaces.get", label: "the club", allowed: ["leadTeacher", "student"], call: (api, t) => api.spaces.get({ spaceId: t.club }) },
    { procedure: "spaces.createTeam", label: "", allowed: [...TEACHERS, ...STAFF],
      call: (api) => api.spaces.createTeam({ name: "Équipe de maths", description: "" }) },
    { procedure: "spaces.createGroupWork", label: "in 4eB", allowed: ["leadTeacher", "teacherParent"],
      call: (api, t) => api.spaces.createGroupWork({ spaceId: t.class4eB, name: "Équipe 2", pupilIds: [t.emma, t.hugo] }) },
    { procedure: "spaces.update", label: "claire's team", allowed: ["leadTeacher"],
      call: async (api, t) => api.spaces.update({ spaceId: await t.freshTeam(), name: "Chorale du collège", description: "Le mardi" }) },
    { procedure: "spaces.update", label: "a group work of 4eB", allowed: ["leadTeacher", "teacherParent"],
      call: async (api, t) => api.spaces.update({ spaceId: await t.freshGroupWork(), name: "Équipe 3 bis", description: "" }) },
    { procedure: "spaces.update", label: "4eB's class space", allowed: [],
      call: (api, t) => api.spaces.update({ spaceId: t.class4eB, name: "4eB", description: "" }) },
    { procedure: "spaces.archive", label: "claire's team", allowed: ["leadTeacher"], call: async (api, t) => api.spaces.archive({ spaceId: await t.freshTeam() }) },
    { procedure: "spaces.archive", label: "a group work of 4eB", allowed: ["leadTeacher", "teacherParent"],
      call: async (api, t) => api.spaces.archive({ spaceId: await t.freshGroupWork() }) },
    { procedure: "spaces.archive", label: "4eB's class space", allowed: [], call: (api, t) => api.spaces.archive({ spaceId: t.class4eB }) },
    { procedure: "spaces.restore", label: "claire's archived team", allowed: ["leadTeacher"],
      call: async (api, t) => api.spaces.restore({ spaceId: await t.archivedTeam() }) },
    { procedure: "spaces.restore", label: "an archived group work of 4eB", allowed: ["leadTeacher", "teacherParent"],
      call: async (api, t) => api.spaces.restore({ spaceId: await t.archivedGroupWork() }) },
    { procedure: "spaces.members", label: "of 4eB", allowed: MEMBERS_4EB, call: (api, t) => api.spaces.members({ spaceId: t.class4eB }) },
    { procedure: "spaces.candidates", label: "for the club", allowed: ["leadTeacher"], call: (api, t) => api.spaces.candidates({ spaceId: t.club, query: "pet" }) },
    { procedure: "spaces.setMember", label: "hugo in the club", allowed: ["leadTeacher"],
      call: (api, t) => api.spaces.setMember({ spaceId: t.club, personId: t.hugo, role: "reader" }) },
    { procedure: "spaces.removeMember", label: "hugo from the club", allowed: ["leadTeacher"],
      call: (api, t) => api.spaces.removeMember({ spaceId: t.club, personId: t.hugo }) },
    { procedure: "spaces.posts", label: "of 4eB", allowed: READERS_4EB, call: (api, t) => api.spaces.posts({ spaceId: t.class4eB, page: 1 }) },
    { procedure: "spaces.post", label: "in 4eB", allowed: MEMBERS_4EB,
      call: (api, t) => api.spaces.post({ spaceId: t.class4eB, body: text("Sortie au musée"), audience: "families" }) },
    { procedure: "spaces.removePost", label: "emma's post in 4eB", allowed: [...OWNERS_4EB, "student"],
      call: async (api, t) => api.spaces.removePost({ postId: await t.freshPost() }) },
    { procedure: "spaces.documents", label: "of the group work", allowed: GROUP_WORK, call: (api, t) => api.spaces.documents({ spaceId: t.groupWork }) },
    { procedure: "spaces.createDocument", label: "in the group work", allowed: GROUP_WORK,
      call: (api, t) => api.spaces.createDocument({ spaceId: t.groupWork, title: "Plan" }) },
    { procedure: "spaces.renameDocument", label: "emma's document", allowed: ["leadTeacher", "teacherParent", "student"],
      call: async (api, t) => api.spaces.renameDocument({ documentId: await t.freshDocument(), title: "Plan détaillé" }) },
    { procedure: "spaces.removeDocument", label: "emma's document", allowed: ["leadTeacher", "teacherParent", "student"],
      call: async (api, t) => api.spaces.removeDocument({ documentId: await t.freshDocument() }) },

    { procedure: "files.list", label: "of 4eB", allowed: READERS_4EB, call: (api, t) => api.files.list({ spaceId: t.class4eB, folderId: null }) },
    { procedure: "files.list", label: "of one's own", allowed: SIGNED_IN, call: (api) => api.files.list({ spaceId: null, folderId: null }) },
    { procedure: "files.upload", label: "to 4eB", allowed: MEMBERS_4EB,
      call: (api, t) => api.files.upload({ spaceId: t.class4eB, folderId: null, forFamilies: false, file: note() }) },
    { procedure: "files.upload", label: "to one's own", allowed: SIGNED_IN, call: (api) => api.files.upload({ spaceId: null, folderId: null, file: note() }) },
    { procedure: "files.uploadImage", label: "to 4eB", allowed: MEMBERS_4EB,
      call: (api, t) => api.files.uploadImage({ spaceId: t.class4eB, file: { name: "schema.png", content: PNG } }) },
    { procedure: "files.createFolder", label: "in 4eB", allowed: MEMBERS_4EB,
      call: (api, t) => api.files.createFolder({ spaceId: t.class4eB, parentId: null, name: "Exposés" }) },
    { procedure: "files.createFolder", label: "in one's own", allowed: SIGNED_IN, call: (api) => api.files.createFolder({ spaceId: null, parentId: null, name: "Cours" }) },
    { procedure: "files.renameFolder", label: "in 4eB", allowed: MEMBERS_4EB,
      call: async (api, t) => api.files.renameFolder({ folderId: await t.freshFolder(), name: "Archives" }) },
    { procedure: "files.moveFolder", label: "in 4eB", allowed: MEMBERS_4EB,
      call: async (api, t) => api.files.moveFolder({ folderId: await t.freshFolder(), parentId: null }) },
    { procedure: "files.removeFolder", label: "in 4eB", allowed: MEMBERS_4EB, call: async (api, t) => api.files.removeFolder({ folderId: await t.freshFolder() }) },
    { procedure: "files.renameFile", label: "emma's file in 4eB", allowed: [...OWNERS_4EB, "student"],
      call: async (api, t) => api.files.renameFile({ fileId: await t.freshFile(), name: "plan.txt" }) },
    { procedure: "files.renameFile", label: "a teacher's file in 4eB", allowed: OWNERS_4EB,
      call: (api, t) => api.files.renameFile({ fileId: t.seededFile, name: "Fournitures.txt" }) },
    { procedure: "files.renameFile", label: "emma's own file", allowed: ["student"],
      call: (api, t) => api.files.renameFile({ fileId: t.personalSpaceFile, name: "a-moi.txt" }) },
    { procedure: "files.moveFile", label: "emma's file in 4eB", allowed: [...OWNERS_4EB, "student"],
      call: async (api, t) => api.files.moveFile({ fileId: await t.freshFile(), folderId: null }) },
    { procedure: "files.shareFile", label: "emma's file in 4eB", allowed: [...OWNERS_4EB, "student"],
      call: async (api, t) => api.files.shareFile({ fileId: await t.freshFile(), forFamilies: true }) },
    { procedure: "files.removeFile", label: "emma's file in 4eB", allowed: [...OWNERS_4EB, "student"],
      call: async (api, t) => api.files.removeFile({ fileId: await t.freshFile() }) },
    { procedure: "files.download", label: "of 4eB, shared with families", allowed: READERS_4EB,
      call: (api, t) => api.files.download({ storedFileId: t.sharedFile }) },
    { procedure: "files.download", label: "of 4eB, for its members", allowed: MEMBERS_4EB,
      call: (api, t) => api.files.download({ storedFileId: t.unsharedFile }) },
    { procedure: "files.download", label: "of emma's own", allowed: ["student"], call: (api, t) => api.files.download({ storedFileId: t.personalFile }) },
    { procedure: "files.download", label: "of hugo's hand-in", allowed: ["classmate", "leadTeacher", "teacherParent"],
      call: (api, t) => api.files.download({ storedFileId: t.handedInFile }) },
  ],
});
