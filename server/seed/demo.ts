import { sql } from "drizzle-orm";
import { seedDemoAdministration } from "./admin";
import { establishments } from "@/drizzle/schema";
import { hashSecret, normaliseActivationCode } from "@/server/auth/password";
import type { Db } from "@/server/db/client";
import { addPerson, addProfile, type PersonKind, type PersonRow, type SeedContext } from "./context";
import { COLLEGE, ECOLE } from "./curricula";
import {
  DEMO_ACCOUNTS,
  DEMO_ACTIVATION_CODE,
  DEMO_ESTABLISHMENTS,
  DEMO_PASSWORD,
  type DemoAccountKey,
} from "./demo-accounts";
import { addEstablishment } from "./establishment";
import { addDemoAttendance, type AttendanceRows, insertAttendance } from "./attendance";
import { addGrades, type GradeRows, insertGradeRows } from "./grades";
import { type DemoHomeworkPins, seedDemoHomework } from "./homework";
import { LoginAllocator } from "./logins";
import { type DemoMessagingPins, seedDemoMessaging } from "./messaging";
import { DEMO_SEED } from "./demo-seed";
import { createRandom, deriveSeed } from "./random";
import { seedDemoSpaceContent } from "./space-content";
import { seedDemoDocuments } from "./documents";
import { type DemoSpacePins, seedDemoSpaces } from "./spaces";
import { addDemoAppreciations, type AppreciationRow, insertAppreciationRows } from "./report-cards";
import { addTimetable, insertTimetable, type TimetableRows } from "./timetable";
import { addDemoChanges, DEMO_WEEK } from "./timetable-changes";
import { seedDemoVirtualClasses } from "./virtual-classes";
import { emptyRows, insertRows, type SeedRows, type SeedSummary, summariseRows } from "./rows";

/** Serialises concurrent first starts, so that only one instance seeds an empty database. */
const DEMO_SEED_LOCK = 4_207_312;

const ACTIVATION_DAYS = 90;

/** The father of emma, lucas and chloé Bernard: part of the contract's relationships, not a listed account. */
export const DEMO_FATHER = { login: "thomas.bernard", firstName: "Thomas", lastName: "Bernard" } as const;

export type DemoSummary = SeedSummary;

const PUPIL_KEYS: readonly DemoAccountKey[] = ["student", "sibling", "classmate", "ecoleStudent", "pending"];
// julien.garnier, teacher and father, counts as a guardian: he gets a phone besides his e-mail.
const GUARDIAN_KEYS: readonly DemoAccountKey[] = ["guardian", "otherGuardian", "teacherParent"];

/** Seeds Collège Lucie Aubrac and École élémentaire Jules Ferry with every named demo account. */
export async function seedDemo(db: Db): Promise<DemoSummary> {
  const demo = await buildDemoRows();
  await db.transaction((tx) => insertDemo(tx, demo));
  return summariseRows(demo.rows);
}

/** Seeds the demo only into a database without any establishment; tells whether it did. */
export async function seedIfEmpty(db: Db): Promise<boolean> {
  if (!(await isEmpty(db))) return false;
  const demo = await buildDemoRows();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${DEMO_SEED_LOCK})`);
    if (!(await isEmpty(tx))) return false;
    await insertDemo(tx, demo);
    return true;
  });
}

async function isEmpty(db: Db): Promise<boolean> {
  const found = await db.select({ id: establishments.id }).from(establishments).limit(1);
  return found.length === 0;
}

interface DemoRows {
  rows: SeedRows;
  grades: GradeRows;
  appreciations: AppreciationRow[];
  timetables: TimetableRows[];
  homework: DemoHomeworkPins;
  attendance: AttendanceRows;
  spaces: DemoSpacePins;
  messaging: DemoMessagingPins;
}

async function insertDemo(db: Db, demo: DemoRows): Promise<void> {
  await insertRows(db, demo.rows);
  await insertGradeRows(db, demo.grades);
  await insertAppreciationRows(db, demo.appreciations);
  for (const timetable of demo.timetables) await insertTimetable(db, timetable);
  // The cahier de textes follows the timetable as laid on real days, so it is written once the timetable is in.
  await seedDemoHomework(db, demo.homework, createRandom(deriveSeed(DEMO_SEED, 6)));
  await insertAttendance(db, demo.attendance);
  await seedDemoSpaces(db, demo.spaces, createRandom(deriveSeed(DEMO_SEED, 10)));
  await seedDemoVirtualClasses(db, createRandom(deriveSeed(DEMO_SEED, 7)));
  await seedDemoSpaceContent(db, demo.spaces, createRandom(deriveSeed(DEMO_SEED, 12)));
  await seedDemoMessaging(db, demo.messaging, createRandom(deriveSeed(DEMO_SEED, 9)));
  await seedDemoDocuments(db, demo.spaces.pupilIds, createRandom(deriveSeed(DEMO_SEED, 11)));
  await seedDemoAdministration(db);
}

async function buildDemoRows(): Promise<DemoRows> {
  const [passwordHash, activationCodeHash] = await Promise.all([
    hashSecret(DEMO_PASSWORD),
    hashSecret(normaliseActivationCode(DEMO_ACTIVATION_CODE)),
  ]);
  const random = createRandom(DEMO_SEED);
  const ctx: SeedContext = {
    random,
    logins: new LoginAllocator(),
    newId: () => random.uuid(),
    passwordHash,
    rows: emptyRows(),
    profileKeys: new Set(),
  };
  const ecoleAdmin = ecoleAdminContext(ctx);
  const { id, father } = addNamedAccounts(ctx, ecoleAdmin, activationCodeHash, new Date());
  const bernardParents = [
    { relationship: "mother", personId: id.guardian },
    { relationship: "father", personId: father },
  ] as const;

  const collegeId = addEstablishment(
    ctx,
    { ...DEMO_ESTABLISHMENTS.college, curriculum: COLLEGE, classesPerLevel: { "6e": 4, "5e": 4, "4e": 4, "3e": 4 } },
    {
      teachers: [
        { personId: id.leadTeacher, subjectCode: "FRANC", teaches: ["4eB"], leads: "4eB" },
        { personId: id.teacherParent, subjectCode: "MATHS", teaches: ["6eA"] },
        { personId: id.otherTeacher, subjectCode: "HG-EMC", avoids: ["4eB", "6eA"] },
      ],
      families: [
        {
          lastName: "Bernard",
          children: [
            { className: "4eB", personId: id.student },
            { className: "6eA", personId: id.sibling },
          ],
          guardians: bernardParents,
        },
        {
          lastName: "Petit",
          children: [{ className: "4eB", personId: id.classmate }],
          guardians: [{ relationship: "mother", personId: id.otherGuardian }, { relationship: "father" }],
        },
        {
          lastName: "Diallo",
          children: [{ className: "4eB", personId: id.pending }],
          guardians: [{ relationship: "mother" }, { relationship: "father" }],
        },
        {
          lastName: "Garnier",
          children: [{ className: "5eC" }],
          guardians: [{ relationship: "father", personId: id.teacherParent }, { relationship: "mother" }],
        },
      ],
      staff: [
        { personId: id.direction, role: "direction" },
        { personId: id.cpe, role: "cpe" },
        { personId: id.secretariat, role: "secretariat" },
        { personId: id.agent, role: "agent" },
        { personId: id.admin, role: "admin" },
      ],
    },
  );
  // A former teacher of the collège whose account was disabled: the profile stays, the services are gone.
  addProfile(ctx, id.disabled, collegeId, "teacher");
  // The first trimester's grades, drawn apart so that they change nothing else of the school.
  const grades = addGrades(ctx.rows, collegeId, createRandom(deriveSeed(DEMO_SEED, 1)), {
    studentId: id.student,
    draftTeacherId: id.leadTeacher,
    draftClassName: "4eB",
  });

  // 4eB's first-trimester appréciations, all but claire.moreau's, drawn apart as well.
  const appreciations = addDemoAppreciations(ctx.rows, grades, createRandom(deriveSeed(DEMO_SEED, 4)), {
    className: "4eB",
    leftToTeacherId: id.leadTeacher,
  });

  // The timetables, drawn apart too, with this fortnight's changes in the pinned class.
  const timetableRandom = createRandom(deriveSeed(DEMO_SEED, 2));
  const collegeTimetable = addTimetable(ctx.rows, collegeId, timetableRandom);
  addDemoChanges(collegeTimetable, ctx.rows, collegeId, {
    className: "4eB",
    detainedStudentId: id.classmate,
    changedBy: id.cpe,
  }, () => timetableRandom.uuid());
  // The class's last two weeks of roll calls and absences, drawn apart as well.
  const attendanceRandom = createRandom(deriveSeed(DEMO_SEED, 5));
  const attendance = addDemoAttendance(collegeTimetable, ctx.rows, collegeId, {
    className: "4eB",
    studentId: id.student,
    guardianId: id.guardian,
    classmateId: id.classmate,
    pendingId: id.pending,
    cpeId: id.cpe,
    leadTeacherId: id.leadTeacher,
  }, () => attendanceRandom.uuid());

  const ecoleId = addEstablishment(
    ctx,
    {
      ...DEMO_ESTABLISHMENTS.ecole,
      curriculum: ECOLE,
      classesPerLevel: { CP: 1, CE2: 1, CM2: 1 },
      classSize: [19, 22],
    },
    {
      families: [
        { lastName: "Bernard", children: [{ className: "CE2", personId: id.ecoleStudent }], guardians: bernardParents },
      ],
      staff: [{ personId: id.ecoleDirection, role: "direction" }],
    },
  );
  addProfile(ecoleAdmin, id.ecoleAdmin, ecoleId, "admin");
  const ecoleTimetable = addTimetable(ctx.rows, ecoleId, createRandom(deriveSeed(DEMO_SEED, 3)));
  const homework = { establishmentId: collegeId, className: "4eB", week: DEMO_WEEK, studentId: id.student };
  const spaces: DemoSpacePins = {
    establishmentIds: [collegeId, ecoleId],
    establishmentId: collegeId,
    className: "4eB",
    leadTeacherId: id.leadTeacher,
    pupilIds: [id.student, id.classmate],
    otherPupilId: id.sibling,
  };
  const messaging = {
    establishmentId: collegeId,
    className: "4eB",
    week: DEMO_WEEK,
    guardianId: id.guardian,
    otherGuardianId: id.otherGuardian,
    leadTeacherId: id.leadTeacher,
    directionId: id.direction,
  };
  return {
    rows: ctx.rows,
    grades,
    appreciations,
    timetables: [collegeTimetable, ecoleTimetable],
    homework,
    attendance,
    spaces,
    messaging,
  };
}

/**
 * The école's administrator came after the demo school was drawn: the ids of their account and profile come from a
 * stream of their own, so that adding them changed nothing else the seed generates.
 */
function ecoleAdminContext(ctx: SeedContext): SeedContext {
  const random = createRandom(deriveSeed(DEMO_SEED, 13));
  return { ...ctx, newId: () => random.uuid() };
}

/** The named accounts first, their logins reserved so that no generated person takes one. */
function addNamedAccounts(ctx: SeedContext, ecoleAdmin: SeedContext, activationCodeHash: string, now: Date) {
  for (const { login } of [...Object.values(DEMO_ACCOUNTS), DEMO_FATHER]) ctx.logins.reserve(login);
  const accountStates: Partial<Record<DemoAccountKey, Partial<PersonRow>>> = {
    pending: {
      status: "pending",
      passwordHash: null,
      activationCodeHash,
      activationExpiresAt: new Date(now.getTime() + ACTIVATION_DAYS * 86_400_000),
    },
    disabled: { status: "disabled", disabledAt: now },
  };
  const kindOf = (key: DemoAccountKey): PersonKind =>
    PUPIL_KEYS.includes(key) ? "pupil" : GUARDIAN_KEYS.includes(key) ? "guardian" : "employee";
  const id = {} as Record<DemoAccountKey, string>;
  for (const account of Object.values(DEMO_ACCOUNTS)) {
    const fixed = { login: account.login, ...accountStates[account.key] };
    const drawnBy = account.key === "ecoleAdmin" ? ecoleAdmin : ctx;
    id[account.key] = addPerson(drawnBy, kindOf(account.key), account.firstName, account.lastName, fixed);
  }
  const { firstName, lastName, login } = DEMO_FATHER;
  return { id, father: addPerson(ctx, "guardian", firstName, lastName, { login }) };
}
