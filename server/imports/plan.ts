import { eq, sql } from "drizzle-orm";
import { establishments, people } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { type Role, STAFF_ROLES } from "@/server/policy/roles";
import { LoginAllocator, loginSlug } from "@/server/seed/logins";
import { FILE_KINDS, type FileKind } from "./columns";
import { assignmentKey, compactName, type Existing, type ExistingPerson, loadExisting } from "./existing";
import { fieldNames, type Message } from "./messages";
import { readRoster, type RosterFiles, type RosterReading } from "./read";
import { nameKey, type RosterRow, type Teaching } from "./rows";

export type { RosterFiles } from "./read";

/** What the dry run says about one line: what it will do, or why it cannot. */
export interface ReportLine {
  kind: FileKind;
  line: number;
  /** the XML element the line stands for, named instead of its line number */
  element?: string;
  name: string;
  login: string;
  action: "create" | "update" | "unchanged" | "error";
  changes: Message[];
  errors: Message[];
}

export interface Leaver {
  personId: string;
  name: string;
  login: string;
  kind: FileKind;
  /** true: the account is disabled and its erasure scheduled; false: only this profile goes (they keep another) */
  disable: boolean;
}

/** Everything applying the plan writes, with people named by their row key until they exist. */
export interface Operations {
  /** a newcomer's row keys: one per kind they are listed in */
  newPeople: { keys: string[]; login: string; firstName: string; lastName: string; email: string | null; phone: string | null }[];
  updates: { personId: string; set: Partial<Record<"firstName" | "lastName" | "email" | "phone", string>> }[];
  reenable: { personId: string; status: "pending" | "active" }[];
  identities: { externalId: string; key: string }[];
  profiles: { key: string; role: Role }[];
  profileRemovals: { personId: string; roles: Role[] }[];
  disable: string[];
  classes: { name: string; level: string }[];
  groups: string[];
  subjects: { code: string; name: string }[];
  enrol: { key: string; className: string }[];
  unenrol: { personId: string; classId: string }[];
  joinGroups: { key: string; groupName: string }[];
  leaveGroups: { personId: string; groupId: string }[];
  links: { guardianKey: string; childKey: string; relationship: RosterRow["relationship"]; receivesInformation: boolean }[];
  unlinks: { guardianId: string; studentId: string }[];
  assignments: { teacherKey: string; subject: string; className: string | null; groupName: string | null; lead: boolean }[];
}

export interface ImportPlan {
  fileErrors: RosterReading["fileErrors"];
  files: RosterReading["files"];
  lines: ReportLine[];
  leavers: Leaver[];
  errorCount: number;
  changeCount: number;
  /** people named by row key whose id is already known (existing people) */
  known: Map<string, string>;
  ops: Operations;
}

const KIND_ROLES: Record<FileKind, readonly Role[]> = {
  pupils: ["student"],
  guardians: ["guardian"],
  teachers: ["teacher"],
  staff: STAFF_ROLES,
};

const change = (key: string, values?: Message["values"]): Message => ({ key: `imports.changes.${key}`, values });
const lineError = (key: string, values?: Message["values"]): Message => ({ key: `imports.lineErrors.${key}`, values });

/** The staff role a "fonction" names: direction, vie scolaire (CPE and assistants d'éducation), secrétariat, or agent. */
export function staffRoleOf(fonction: string): (typeof STAFF_ROLES)[number] {
  const f = fonction.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();
  if (/direct|principal|proviseur|adjoint|chef/.test(f)) return "direction";
  if (/cpe|vie scolaire|aed|assistant d.?education|surveillant/.test(f)) return "cpe";
  if (/secretar|gestion|intendan|administrati/.test(f)) return "secretariat";
  return "agent";
}

/** A class's level when the file gives none: "4eB" → "4e", "CM2 de M. Durand" → "CM2". */
export function levelOf(className: string): string {
  const match = /^(\d+(?:e|ème|nde|re|ère)|tle|tps|ps|ms|gs|cp|ce1|ce2|cm1|cm2)/i.exec(className.trim());
  return match ? match[1] : className.trim();
}

/** A subject code made from its name when the file names a subject the establishment does not have: "Physique-chimie" → "PHYSIQUECHI". */
function subjectCode(name: string): string {
  return name.normalize("NFD").replace(/\p{Diacritic}/gu, "").toUpperCase().replace(/[^A-Z0-9]/g, "").slice(0, 12) || "MATIERE";
}

/**
 * The dry run: reads the files, compares them with the establishment's school year, and says line by line what
 * would be created, changed or refused, and who leaves. Writes nothing. `applyImport` runs the same plan inside a
 * transaction.
 */
export async function planImport(db: Db, establishmentId: string, schoolYearId: string, files: RosterFiles): Promise<ImportPlan> {
  const [{ uai }] = await db.select({ uai: establishments.uai }).from(establishments).where(eq(establishments.id, establishmentId));
  const { fileErrors, files: read, rowsByKind, complete } = await readRoster(files, uai);
  const plan: ImportPlan = { fileErrors, files: read, lines: [], leavers: [], errorCount: 0, changeCount: 0, known: new Map(), ops: emptyOperations() };
  if (plan.fileErrors.length) return plan;

  const existing = await loadExisting(db, establishmentId, schoolYearId);
  const matcher = personMatcher(existing);
  const rows = FILE_KINDS.flatMap((kind) => rowsByKind.get(kind) ?? []);
  const matched = new Map(rows.map((row) => [row, matcher(row)]));
  // a person listed under several kinds (a OneRoster user who teaches and is a parent) is recognised by any of their rows
  const sameAs = new Map(rows.filter((row) => row.sameAs && matched.get(row)).map((row) => [row.sameAs, matched.get(row)!]));
  for (const row of rows) if (row.sameAs && !matched.get(row)) matched.set(row, sameAs.get(row.sameAs) ?? null);
  const logins = await loginAllocator(db, rows.filter((row) => !matched.get(row)));
  const builder = new PlanBuilder(plan, existing);

  for (const row of rows) builder.person(row, matched.get(row) ?? null, logins);
  for (const row of rowsByKind.get("pupils") ?? []) builder.pupil(row);
  const pupilsByName = new Map((rowsByKind.get("pupils") ?? []).map((row) => [nameKey(row.lastName, row.firstName), row]));
  for (const row of rowsByKind.get("guardians") ?? []) builder.guardian(row, pupilsByName);
  for (const row of rowsByKind.get("teachers") ?? []) builder.teacher(row);
  for (const row of rowsByKind.get("staff") ?? []) builder.staffMember(row);
  for (const kind of complete) builder.leavers(kind, rowsByKind.get(kind)!, matched);

  plan.lines = builder.lines();
  plan.errorCount = plan.lines.filter((line) => line.errors.length > 0).length;
  plan.changeCount = plan.lines.filter((line) => line.action !== "unchanged" && line.action !== "error").length + plan.leavers.length;
  return plan;
}

function emptyOperations(): Operations {
  return {
    newPeople: [],
    updates: [],
    reenable: [],
    identities: [],
    profiles: [],
    profileRemovals: [],
    disable: [],
    classes: [],
    groups: [],
    subjects: [],
    enrol: [],
    unenrol: [],
    joinGroups: [],
    leaveGroups: [],
    links: [],
    unlinks: [],
    assignments: [],
  };
}

/**
 * Who a line is: the person an earlier import recorded under the same identifier, or else the one person of the
 * establishment with that role and name (accounts created by hand or by the demo), or nobody (a newcomer).
 */
function personMatcher(existing: Existing) {
  /** people already recognised by a line of a kind: one line per kind and person (a teacher may also be a guardian) */
  const claimed = new Set<string>();
  const byName = new Map<string, ExistingPerson[]>();
  for (const person of existing.persons.values()) {
    const key = nameKey(person.lastName, person.firstName);
    byName.set(key, [...(byName.get(key) ?? []), person]);
  }
  return (row: RosterRow): ExistingPerson | null => {
    const knownId = existing.identities.get(row.key);
    const known = knownId ? existing.persons.get(knownId) : undefined;
    if (known) {
      claimed.add(`${row.kind}|${known.id}`);
      return known;
    }
    const candidates = (byName.get(nameKey(row.lastName, row.firstName)) ?? []).filter(
      (p) => !claimed.has(`${row.kind}|${p.id}`) && KIND_ROLES[row.kind].some((role) => p.roles.has(role)),
    );
    if (candidates.length !== 1) return null;
    claimed.add(`${row.kind}|${candidates[0].id}`);
    return candidates[0];
  };
}

/** Identifiants for the newcomers, "prenom.nom" then "prenom.nom2"..., skipping every one already taken in the installation. */
async function loginAllocator(db: Db, newcomers: RosterRow[]) {
  const allocator = new LoginAllocator();
  const bases = [...new Set(newcomers.map((row) => loginSlug(row.firstName, row.lastName)))];
  for (let start = 0; start < bases.length; start += 1000) {
    const patterns = bases.slice(start, start + 1000).map((base) => `${base}%`);
    const taken = await db
      .select({ login: people.login })
      .from(people)
      .where(sql`${people.login} like any(array[${sql.join(patterns.map((p) => sql`${p}`), sql`, `)}])`);
    for (const { login } of taken) allocator.reserve(login);
  }
  return allocator;
}

/** Builds the plan's operations and report lines, one kind of line at a time. */
class PlanBuilder {
  private readonly report = new Map<RosterRow, ReportLine>();
  private readonly personOf = new Map<RosterRow, ExistingPerson | null>();
  private readonly pupilRows = new Map<string, RosterRow>();
  private readonly newClasses = new Map<string, string>();
  private readonly newGroups = new Map<string, string>();
  private readonly newSubjects = new Map<string, string>();
  /** newcomers listed under several kinds, by their `sameAs` */
  private readonly newcomers = new Map<string, Operations["newPeople"][number]>();

  constructor(
    private readonly plan: ImportPlan,
    private readonly existing: Existing,
  ) {}

  private get ops() {
    return this.plan.ops;
  }

  person(row: RosterRow, person: ExistingPerson | null, logins: LoginAllocator) {
    this.personOf.set(row, person);
    const line: ReportLine = {
      kind: row.kind,
      line: row.line,
      element: row.element,
      name: `${row.lastName} ${row.firstName}`.trim(),
      login: person?.login ?? "",
      action: person ? "unchanged" : "create",
      changes: [],
      errors: [...row.errors],
    };
    this.report.set(row, line);
    if (row.errors.length) return;
    if (!person) {
      const newcomer = row.sameAs ? this.newcomers.get(row.sameAs) : undefined;
      if (newcomer) newcomer.keys.push(row.key);
      else {
        const created = { keys: [row.key], login: logins.allocate(row.firstName, row.lastName), firstName: row.firstName, lastName: row.lastName, email: row.email, phone: row.phone };
        this.ops.newPeople.push(created);
        if (row.sameAs) this.newcomers.set(row.sameAs, created);
      }
      line.login = (newcomer ?? this.ops.newPeople.at(-1)!).login;
      this.ops.identities.push({ externalId: row.key, key: row.key });
      line.changes.push(change("created", { login: line.login }));
    } else {
      this.plan.known.set(row.key, person.id);
      if (this.existing.identities.get(row.key) !== person.id) this.ops.identities.push({ externalId: row.key, key: row.key });
      const set: Operations["updates"][number]["set"] = {};
      for (const field of ["firstName", "lastName", "email", "phone"] as const) {
        const value = row[field];
        if (value && value !== person[field]) set[field] = value;
      }
      if (Object.keys(set).length) {
        this.ops.updates.push({ personId: person.id, set });
        line.changes.push(change("updated", { fields: fieldNames(Object.keys(set)) }));
      }
      if (person.status === "disabled") {
        if (person.leaver) {
          this.ops.reenable.push({ personId: person.id, status: person.hasPassword ? "active" : "pending" });
          line.changes.push(change("reenabled"));
        } else line.changes.push(change("staysDisabled"));
      }
    }
    const roles = row.kind === "staff" ? [staffRoleOf(row.function)] : KIND_ROLES[row.kind];
    for (const role of roles) {
      if (person?.roles.has(role)) continue;
      this.ops.profiles.push({ key: row.key, role });
      if (person) line.changes.push(change("roleAdded", { role }));
    }
  }

  private classNamed(name: string, level: string, line: ReportLine, create: boolean): string | null {
    const key = compactName(name);
    const found = this.existing.classes.get(key)?.name ?? this.newClasses.get(key);
    if (found) return found;
    if (!create) {
      line.errors.push(lineError("unknownClass", { value: name }));
      return null;
    }
    this.newClasses.set(key, name);
    this.ops.classes.push({ name, level: level || levelOf(name) });
    return name;
  }

  private groupNamed(name: string, line: ReportLine, create: boolean): string | null {
    const key = compactName(name);
    const found = this.existing.groups.get(key)?.name ?? this.newGroups.get(key);
    if (found) return found;
    if (!create) {
      line.errors.push(lineError("unknownGroup", { value: name }));
      return null;
    }
    this.newGroups.set(key, name);
    this.ops.groups.push(name);
    return name;
  }

  pupil(row: RosterRow) {
    const line = this.report.get(row)!;
    this.pupilRows.set(row.key, row);
    if (row.errors.length) return;
    const person = this.personOf.get(row);
    const className = this.classNamed(row.className, row.level, line, true)!;
    const classId = this.existing.classes.get(compactName(className))?.id;
    const current = person ? [...(this.existing.classOf.get(person.id) ?? [])] : [];
    if (!classId || !current.includes(classId)) {
      this.ops.enrol.push({ key: row.key, className });
      if (person) line.changes.push(change("classChanged", { to: className }));
    }
    for (const old of current.filter((id) => id !== classId)) this.ops.unenrol.push({ personId: person!.id, classId: old });

    if (row.groups === null) return;
    const wanted = new Set(row.groups.map((g) => this.groupNamed(g, line, true)!));
    const currentGroups = person ? this.existing.groupsOf.get(person.id) ?? new Set<string>() : new Set<string>();
    for (const groupName of wanted) {
      const groupId = this.existing.groups.get(compactName(groupName))?.id;
      if (groupId && currentGroups.has(groupId)) continue;
      this.ops.joinGroups.push({ key: row.key, groupName });
      if (person) line.changes.push(change("joinsGroup", { group: groupName }));
    }
    const wantedIds = new Set([...wanted].map((g) => this.existing.groups.get(compactName(g))?.id));
    for (const groupId of currentGroups) {
      if (wantedIds.has(groupId)) continue;
      this.ops.leaveGroups.push({ personId: person!.id, groupId });
      line.changes.push(change("leavesGroup"));
    }
  }

  guardian(row: RosterRow, pupilsByName: Map<string, RosterRow>) {
    const line = this.report.get(row)!;
    const childKeys = new Set<string>();
    for (const child of row.children) {
      const key = this.childKey(child, pupilsByName);
      if (key) childKeys.add(key);
      else line.errors.push(lineError("unknownChild", { value: "externalId" in child ? child.externalId : `${child.lastName} ${child.firstName}` }));
    }
    if (line.errors.length) return;
    const person = this.personOf.get(row);
    const current = person ? this.existing.childrenOf.get(person.id) ?? new Map() : new Map();
    const wantedIds = new Set<string>();
    for (const childKey of childKeys) {
      const childId = this.plan.known.get(childKey) ?? childKey;
      wantedIds.add(childId);
      const link = current.get(childId);
      if (link && link.relationship === row.relationship && link.receivesInformation === row.receivesInformation) continue;
      this.ops.links.push({ guardianKey: row.key, childKey, relationship: row.relationship, receivesInformation: row.receivesInformation });
      line.changes.push(change(link ? "linkUpdated" : "linked"));
    }
    for (const studentId of current.keys()) {
      if (wantedIds.has(studentId)) continue;
      this.ops.unlinks.push({ guardianId: person!.id, studentId });
      line.changes.push(change("unlinked"));
    }
  }

  /** The row key (or id) of a guardian's child: in the pupils file, or among the establishment's pupils. */
  private childKey(child: RosterRow["children"][number], pupilsByName: Map<string, RosterRow>): string | null {
    if ("externalId" in child) {
      const key = `pupils:id:${child.externalId}`;
      const inFile = this.pupilRows.get(key);
      if (inFile) return inFile.errors.length ? null : key;
      const id = this.existing.identities.get(key);
      return id && this.existing.persons.get(id)?.roles.has("student") ? id : null;
    }
    const inFile = pupilsByName.get(nameKey(child.lastName, child.firstName));
    if (inFile && (!child.className || compactName(child.className) === compactName(inFile.className))) return inFile.errors.length ? null : inFile.key;
    const matches = [...this.existing.persons.values()].filter(
      (p) => p.roles.has("student") && nameKey(p.lastName, p.firstName) === nameKey(child.lastName, child.firstName),
    );
    return matches.length === 1 ? matches[0].id : null;
  }

  teacher(row: RosterRow) {
    const line = this.report.get(row)!;
    const person = this.personOf.get(row);
    const audiences = new Map<string, string | null>();
    const audience = (name: string, what: "class" | "group") => {
      const key = `${what}|${compactName(name)}`;
      if (!audiences.has(key)) audiences.set(key, what === "class" ? this.classNamed(name, "", line, false) : this.groupNamed(name, line, false));
      return audiences.get(key)!;
    };
    const taught = row.teaching.map((t) => ({
      ...t,
      className: t.className === null ? null : audience(t.className, "class"),
      groupName: t.groupName === null ? null : audience(t.groupName, "group"),
    }));
    if (line.errors.length) return;
    const planned = new Set<string>();
    for (const t of taught) {
      const subject = this.subjectNamed(t.subject);
      const subjectId = this.existing.subjects.find((s) => s.code === subject.code)?.id;
      const classId = t.className ? this.existing.classes.get(compactName(t.className))?.id ?? null : null;
      const groupId = t.groupName ? this.existing.groups.get(compactName(t.groupName))?.id ?? null : null;
      const key = `${subject.code}|${t.className === null ? "" : compactName(t.className)}|${t.groupName === null ? "" : compactName(t.groupName)}`;
      const known = person && subjectId && (classId || groupId) && this.existing.assignments.has(assignmentKey(person.id, subjectId, classId, groupId));
      if (known || planned.has(key)) continue;
      planned.add(key);
      this.ops.assignments.push({ teacherKey: row.key, subject: subject.code, className: t.className, groupName: t.groupName, lead: t.lead && t.className !== null });
      line.changes.push(change("teaches", { subject: subject.name, audience: t.className ?? t.groupName ?? "" }));
    }
  }

  private subjectNamed({ name, code: given }: Teaching["subject"]): { code: string; name: string } {
    const key = compactName(name);
    const found = this.existing.subjects.find((s) => s.code === given || compactName(s.code) === key || compactName(s.name) === key);
    if (found) return found;
    const code = this.newSubjects.get(key) ?? given ?? subjectCode(name);
    if (!this.newSubjects.has(key)) {
      this.newSubjects.set(key, code);
      this.ops.subjects.push({ code, name });
    }
    return { code, name };
  }

  staffMember(row: RosterRow) {
    const person = this.personOf.get(row);
    if (!person || row.errors.length) return;
    const role = staffRoleOf(row.function);
    const others = STAFF_ROLES.filter((r) => r !== role && person.roles.has(r));
    if (others.length) {
      this.ops.profileRemovals.push({ personId: person.id, roles: others });
      this.report.get(row)!.changes.push(change("roleChanged", { role }));
    }
  }

  /** The people of this kind the file no longer lists: leavers. */
  leavers(kind: FileKind, rows: RosterRow[], matched: Map<RosterRow, ExistingPerson | null>) {
    const listed = new Set(rows.map((row) => matched.get(row)?.id));
    const roles = KIND_ROLES[kind];
    for (const person of this.existing.persons.values()) {
      const leaving = roles.filter((role) => person.roles.has(role));
      if (!leaving.length || listed.has(person.id) || person.status === "disabled") continue;
      const keepsAnother = person.elsewhere > 0 || [...person.roles].some((role) => !leaving.includes(role) && !this.leavingElsewhere(person, role));
      const name = `${person.lastName} ${person.firstName}`;
      this.plan.leavers.push({ personId: person.id, name, login: person.login, kind, disable: !keepsAnother });
      if (keepsAnother) this.ops.profileRemovals.push({ personId: person.id, roles: leaving });
      else this.ops.disable.push(person.id);
    }
  }

  /** Whether another file of this import also drops this role of the person (then it keeps nothing). */
  private leavingElsewhere(person: ExistingPerson, role: Role): boolean {
    return this.plan.files.some(
      (file) => KIND_ROLES[file.kind].includes(role) && ![...this.personOf].some(([row, p]) => p?.id === person.id && row.kind === file.kind),
    );
  }

  lines(): ReportLine[] {
    return [...this.report.values()].map((line) => ({
      ...line,
      action: line.errors.length ? "error" : line.action === "create" ? "create" : line.changes.length ? "update" : "unchanged",
    }));
  }
}
