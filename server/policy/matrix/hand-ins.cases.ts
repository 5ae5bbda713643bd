import { and, eq } from "drizzle-orm";
import { assignments, people, spaces, teachingAssignments, teachingGroups } from "@/drizzle/schema";
import { addDays } from "@/server/calendar/days";
import { callerFor } from "@/server/testing/callers";
import { DEMO_GROUP } from "@/server/seed/demo-accounts";
import { DEMO_ASSIGNMENT } from "@/server/seed/space-content";
import { DEMO_WEEK } from "@/server/seed/timetable-changes";
import { caseGroup, COLLEGE, SIGNED_IN } from "./kit";

const text = (value: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: value }] }] });
const work = { name: "devoir.txt", content: Buffer.from("Ma copie\n").toString("base64") };

/**
 * 4eB's pupils hand in; its teachers review; the direction and families see nothing of the work. For a teaching group
 * (4e Latin: emma attends it, hugo does not), its pupils hand in and its teacher, who is none of the personas, reviews.
 */
const PUPILS_4EB = ["student", "classmate"] as const;
const TEACHERS_4EB = ["leadTeacher", "teacherParent"] as const;
const MEMBERS_4EB = [...TEACHERS_4EB, "direction", ...PUPILS_4EB] as const;

/** Devoirs à rendre. */
export const handInsCases = caseGroup({
  domain: "handIns",
  setup: async (kit) => {
    const claire = await kit.callerOf("leadTeacher");
    const hugo = await kit.callerOf("classmate");
    const classId = await kit.classId(COLLEGE, "4eB");
    const [classSpace] = await kit.db.select({ id: spaces.id }).from(spaces).where(and(eq(spaces.kind, "class"), eq(spaces.classId, classId)));
    const [seeded] = await kit.db.select({ id: assignments.id }).from(assignments).where(eq(assignments.title, DEMO_ASSIGNMENT));
    const [latin] = await kit.db
      .select({ id: teachingGroups.id, teacher: people.login })
      .from(teachingGroups)
      .innerJoin(teachingAssignments, eq(teachingAssignments.groupId, teachingGroups.id))
      .innerJoin(people, eq(people.id, teachingAssignments.teacherId))
      .where(eq(teachingGroups.name, DEMO_GROUP.name));
    const latinTeacher = await callerFor(kit.db, latin.teacher, COLLEGE);
    const groupAssignment = async () =>
      (await latinTeacher.handIns.createForGroup({ groupId: latin.id, title: "Version", instructions: text("Texte 3"), dueAt: new Date(Date.now() + 86_400_000), homeworkId: null })).id;
    const freshAssignment = async () =>
      (await claire.handIns.create({ spaceId: classSpace.id, title: "Exercice", instructions: text("Page 12"), dueAt: new Date(Date.now() + 86_400_000), homeworkId: null })).id;
    const [french] = (await claire.homework.teacherWeek({ monday: DEMO_WEEK })).lessons.filter((l) => l.audience.name === "4eB" && !l.change);
    const given = await claire.homework.give({
      lessonId: french.lessonId,
      plannedOn: french.plannedOn,
      dueOn: addDays(french.on, 3),
      instructions: text("Rédaction"),
      estimatedMinutes: 45,
      handIn: true,
    });
    /** hugo's hand-in of a new assignment, handed in, with a corrected copy; returned when asked */
    const corrected = async (returned: boolean) => {
      const handInId = await freshHandIn();
      const { storedFileId } = await claire.handIns.attachCorrection({ handInId, file: work });
      if (returned) await claire.handIns.return({ handInId, comment: "Voir la copie", mark: null, markOutOf: null });
      return storedFileId;
    };
    const freshHandIn = async () => {
      const assignmentId = await freshAssignment();
      await hugo.handIns.attachFile({ assignmentId, file: work });
      await hugo.handIns.submit({ assignmentId });
      const review = await claire.handIns.review({ assignmentId });
      return review.find((row) => row.handIn)!.handIn!.id;
    };
    return {
      latin: latin.id,
      groupAssignment: await groupAssignment(),
      freshGroupAssignment: groupAssignment,
      correctedFile: await corrected(false),
      returnedCorrection: await corrected(true),
      homework: given.id,
      classSpace: classSpace.id,
      seeded: seeded.id,
      freshAssignment,
      freshHandIn,
    };
  },
  cases: [
    { procedure: "handIns.create", label: "in 4eB", allowed: TEACHERS_4EB,
      call: (api, t) => api.handIns.create({ spaceId: t.classSpace, title: "Rédaction", instructions: text("Une page"), dueAt: new Date(Date.now() + 86_400_000), homeworkId: null }) },
    { procedure: "handIns.createForGroup", label: "for 4e Latin (taught by none of them)", allowed: [],
      call: (api, t) => api.handIns.createForGroup({ groupId: t.latin, title: "Version", instructions: text("Une page"), dueAt: new Date(Date.now() + 86_400_000), homeworkId: null }) },
    { procedure: "handIns.homeworkPlace", label: "of claire's homework in 4eB", allowed: ["leadTeacher"],
      call: (api, t) => api.handIns.homeworkPlace({ homeworkId: t.homework }) },
    { procedure: "handIns.forSpace", label: "of 4eB", allowed: MEMBERS_4EB, call: (api, t) => api.handIns.forSpace({ spaceId: t.classSpace }) },
    { procedure: "handIns.mine", label: "", allowed: SIGNED_IN, call: (api) => api.handIns.mine() },
    { procedure: "handIns.get", label: "4eB's assignment", allowed: MEMBERS_4EB, call: (api, t) => api.handIns.get({ assignmentId: t.seeded }) },
    { procedure: "handIns.get", label: "4e Latin's assignment", allowed: ["student"], call: (api, t) => api.handIns.get({ assignmentId: t.groupAssignment }) },
    { procedure: "handIns.review", label: "4eB's assignment", allowed: TEACHERS_4EB, call: (api, t) => api.handIns.review({ assignmentId: t.seeded }) },
    { procedure: "handIns.review", label: "4e Latin's assignment", allowed: [], call: (api, t) => api.handIns.review({ assignmentId: t.groupAssignment }) },
    { procedure: "handIns.attachFile", label: "to 4eB's assignment", allowed: PUPILS_4EB,
      call: async (api, t) => api.handIns.attachFile({ assignmentId: await t.freshAssignment(), file: work }) },
    { procedure: "handIns.attachFile", label: "to 4e Latin's assignment", allowed: ["student"],
      call: async (api, t) => api.handIns.attachFile({ assignmentId: await t.freshGroupAssignment(), file: work }) },
    { procedure: "handIns.detachFile", label: "from one's hand-in", allowed: PUPILS_4EB,
      call: async (api, t) => {
        const assignmentId = await t.freshAssignment();
        const { storedFileId } = await api.handIns.attachFile({ assignmentId, file: work });
        return api.handIns.detachFile({ assignmentId, storedFileId });
      } },
    { procedure: "handIns.openDocument", label: "of one's hand-in", allowed: PUPILS_4EB,
      call: async (api, t) => api.handIns.openDocument({ assignmentId: await t.freshAssignment() }) },
    { procedure: "handIns.submit", label: "one's hand-in", allowed: PUPILS_4EB,
      call: async (api, t) => {
        const assignmentId = await t.freshAssignment();
        await api.handIns.openDocument({ assignmentId });
        return api.handIns.submit({ assignmentId });
      } },
    { procedure: "handIns.takeBack", label: "one's hand-in before the due time", allowed: PUPILS_4EB,
      call: async (api, t) => {
        const assignmentId = await t.freshAssignment();
        await api.handIns.openDocument({ assignmentId });
        await api.handIns.submit({ assignmentId });
        return api.handIns.takeBack({ assignmentId });
      } },
    { procedure: "handIns.return", label: "hugo's hand-in", allowed: TEACHERS_4EB,
      call: async (api, t) => api.handIns.return({ handInId: await t.freshHandIn(), comment: "Bien", mark: 15, markOutOf: 20 }) },
    { procedure: "handIns.attachCorrection", label: "to hugo's hand-in", allowed: TEACHERS_4EB,
      call: async (api, t) => api.handIns.attachCorrection({ handInId: await t.freshHandIn(), file: work }) },
    { procedure: "handIns.detachCorrection", label: "from hugo's hand-in", allowed: TEACHERS_4EB,
      call: async (api, t) => {
        const handInId = await t.freshHandIn();
        const { storedFileId } = await api.handIns.attachCorrection({ handInId, file: work });
        return api.handIns.detachCorrection({ handInId, storedFileId });
      } },
    { procedure: "files.download", label: "a corrected copy of hugo's work, not yet returned", allowed: TEACHERS_4EB,
      call: (api, t) => api.files.download({ storedFileId: t.correctedFile }) },
    { procedure: "files.download", label: "a corrected copy of hugo's returned work", allowed: ["classmate", ...TEACHERS_4EB],
      call: (api, t) => api.files.download({ storedFileId: t.returnedCorrection }) },
  ],
});
