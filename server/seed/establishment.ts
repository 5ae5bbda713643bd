import { addSchoolYear } from "./calendar";
import { addPerson, addProfile, type Relationship, type SeedContext } from "./context";
import type { Curriculum, StaffRole } from "./curricula";
import { type GuardianShape, groupSiblings, randomGuardians } from "./families";
import { pickFirstName, pickGender, pickLastName } from "./names";
import { planOptionGroups } from "./options";
import {
  type ClassAssignment,
  chooseLeadTeachers,
  distributeUnits,
  type TeacherPin,
  type TeachingUnit,
} from "./teachers";

export interface EstablishmentPlan {
  uai: string;
  name: string;
  city: string;
  curriculum: Curriculum;
  classesPerLevel: Readonly<Record<string, number>>;
  /** Overrides the curriculum's usual class size. */
  classSize?: readonly [min: number, max: number];
}

/** A family placed on purpose; children and guardians without a personId are generated with the family name. */
export interface FamilyPin {
  lastName: string;
  children: readonly { className: string; personId?: string }[];
  guardians: readonly { relationship: Relationship; personId?: string }[];
}

/** Named people to place in the generated establishment (see demo.ts). */
export interface EstablishmentPins {
  teachers?: readonly TeacherPin[];
  families?: readonly FamilyPin[];
  staff?: readonly { personId: string; role: StaffRole }[];
}

interface ClassInfo {
  id: string;
  name: string;
  level: string;
  order: number;
}

/** One establishment being generated. */
interface Build {
  ctx: SeedContext;
  plan: EstablishmentPlan;
  pins: EstablishmentPins;
  establishmentId: string;
  schoolYearId: string;
  classes: ClassInfo[];
  pupils: { id: string; level: string; order: number }[];
  /** Per subject code: its id and the classes and groups it is taught to. */
  subjects: Map<string, { id: string; units: TeachingUnit[] }>;
}

/**
 * Generates one establishment into ctx.rows: its school year, subjects, classes full of pupils and their
 * guardians, option groups, teachers with their services and professeurs principaux, and staff.
 * Returns the establishment's id.
 */
export function addEstablishment(ctx: SeedContext, plan: EstablishmentPlan, pins: EstablishmentPins = {}): string {
  const establishmentId = ctx.newId();
  ctx.rows.establishments.push({
    id: establishmentId,
    uai: plan.uai,
    name: plan.name,
    kind: plan.curriculum.kind,
    city: plan.city,
  });
  const build: Build = {
    ctx,
    plan,
    pins,
    establishmentId,
    schoolYearId: addSchoolYear(ctx, establishmentId),
    classes: [],
    pupils: [],
    subjects: new Map(),
  };
  addSubjects(build);
  addClasses(build);
  addPupilsAndFamilies(build);
  addOptionGroups(build);
  addTeachers(build);
  addStaff(build);
  return establishmentId;
}

function addSubjects({ ctx, plan, establishmentId, subjects }: Build): void {
  for (const subject of plan.curriculum.subjects) {
    const id = ctx.newId();
    subjects.set(subject.code, { id, units: [] });
    ctx.rows.subjects.push({ id, establishmentId, ...subject });
  }
}

function addClasses({ ctx, plan, establishmentId, schoolYearId, classes, subjects }: Build): void {
  const { curriculum } = plan;
  for (const level of curriculum.levels) {
    const count = plan.classesPerLevel[level] ?? 0;
    for (let index = 0; index < count; index++) {
      const item = { id: ctx.newId(), name: curriculum.className(level, index, count), level, order: classes.length };
      classes.push(item);
      ctx.rows.classes.push({ id: item.id, establishmentId, schoolYearId, name: item.name, level });
      for (const code of curriculum.classSubjects[level] ?? []) {
        subjects.get(code)?.units.push({ name: item.name, classId: item.id });
      }
    }
  }
}

/** Fills every class: first the pinned families, then generated ones, with siblings across levels. */
function addPupilsAndFamilies(build: Build): void {
  const { ctx, plan, pins, classes } = build;
  const classNamed = (name: string) => {
    const found = classes.find((item) => item.name === name);
    if (!found) throw new Error(`No class ${name} in ${plan.name}`);
    return found;
  };
  const pinnedChildren = (pins.families ?? []).flatMap((family) => family.children);
  for (const family of pins.families ?? []) {
    const children = family.children.map((child) => ({ item: classNamed(child.className), personId: child.personId }));
    const guardians = family.guardians.map((guardian) => ({
      relationship: guardian.relationship,
      gender: guardian.relationship === "father" ? ("male" as const) : ("female" as const),
      lastName: family.lastName,
      personId: guardian.personId,
    }));
    addFamily(build, family.lastName, children, guardians);
  }
  const [minSize, maxSize] = plan.classSize ?? plan.curriculum.classSize;
  const freeSeats = classes.flatMap((item) => {
    const pinned = pinnedChildren.filter((child) => child.className === item.name).length;
    return Array.from({ length: ctx.random.int(minSize, maxSize) - pinned }, () => item);
  });
  for (const siblings of groupSiblings(ctx.random, freeSeats)) {
    const familyName = pickLastName(ctx.random);
    const children = siblings.map((item) => ({ item }));
    addFamily(build, familyName, children, randomGuardians(ctx.random, familyName));
  }
}

function addFamily(
  { ctx, establishmentId, pupils }: Build,
  familyName: string,
  children: readonly { item: ClassInfo; personId?: string }[],
  guardians: readonly (GuardianShape & { personId?: string })[],
): void {
  const { random, rows } = ctx;
  const childIds = children.map(({ item, personId }) => {
    const id = personId ?? addPerson(ctx, "pupil", pickFirstName(random, "child", pickGender(random)), familyName);
    rows.classEnrolments.push({ classId: item.id, studentId: id });
    addProfile(ctx, id, establishmentId, "student");
    pupils.push({ id, level: item.level, order: item.order });
    return id;
  });
  for (const guardian of guardians) {
    const id =
      guardian.personId ??
      addPerson(ctx, "guardian", pickFirstName(random, "adult", guardian.gender), guardian.lastName);
    addProfile(ctx, id, establishmentId, "guardian");
    for (const studentId of childIds) {
      rows.guardianships.push({
        guardianId: id,
        studentId,
        relationship: guardian.relationship,
        receivesInformation: random.chance(0.95),
      });
    }
  }
}

function addOptionGroups({ ctx, plan, establishmentId, schoolYearId, pupils, subjects }: Build): void {
  const inClassOrder = [...pupils].sort((a, b) => a.order - b.order);
  for (const group of planOptionGroups(ctx.random, plan.curriculum.options, inClassOrder)) {
    const groupId = ctx.newId();
    ctx.rows.teachingGroups.push({ id: groupId, establishmentId, schoolYearId, name: group.name });
    for (const studentId of group.studentIds) ctx.rows.groupMemberships.push({ groupId, studentId });
    subjects.get(group.subjectCode)?.units.push({ name: group.name, groupId });
  }
}

/** Gives every subject's classes and groups to teachers, then names the professeurs principaux. */
function addTeachers({ ctx, plan, pins, establishmentId, classes, subjects }: Build): void {
  const teacherPins = pins.teachers ?? [];
  const classAssignments: ClassAssignment[] = [];
  for (const [code, subject] of subjects) {
    if (subject.units.length === 0) continue;
    const subjectPins = teacherPins.filter((pin) => pin.subjectCode === code);
    const services = distributeUnits(ctx.random, subject.units, subjectPins, plan.curriculum.teacherLoad);
    services.forEach((service, index) => {
      const teacherId = subjectPins[index]?.personId ?? addGeneratedAdult(ctx);
      addProfile(ctx, teacherId, establishmentId, "teacher");
      for (const unit of service) {
        const assignment = {
          id: ctx.newId(),
          establishmentId,
          teacherId,
          subjectId: subject.id,
          classId: unit.classId ?? null,
          groupId: unit.groupId ?? null,
          isLeadTeacher: false,
        };
        ctx.rows.teachingAssignments.push(assignment);
        if (unit.classId) classAssignments.push(assignment);
      }
    });
  }
  chooseLeadTeachers(ctx.random, classes, classAssignments, teacherPins);
}

function addStaff({ ctx, plan, pins, establishmentId }: Build): void {
  for (const [role, count] of Object.entries(plan.curriculum.staff) as [StaffRole, number][]) {
    const people = (pins.staff ?? []).filter((pin) => pin.role === role).map((pin) => pin.personId);
    while (people.length < count) people.push(addGeneratedAdult(ctx));
    for (const personId of people) addProfile(ctx, personId, establishmentId, role);
  }
}

function addGeneratedAdult(ctx: SeedContext): string {
  const firstName = pickFirstName(ctx.random, "adult", pickGender(ctx.random));
  return addPerson(ctx, "employee", firstName, pickLastName(ctx.random));
}
