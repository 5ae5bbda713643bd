import { unzipSync } from "fflate";
import type { FileKind } from "./columns";
import { headerKey, readCsv } from "./csv";
import { compactName } from "./existing";
import { MAX_FILE_BYTES } from "./limits";
import type { Message } from "./messages";
import { levelOfGrades, ROLE_LINE } from "./oneroster-vocabulary";
import type { RosterReading } from "./read";
import { markDuplicates, rowErrors, type RosterRow, type Teaching } from "./rows";

/**
 * Reading a OneRoster CSV package (1.2, and 1.1 which it extends) into the same rows as the roster CSV files, so that
 * one import plan compares both with the establishment. Users become pupils, guardians, teachers or staff by their
 * roles; a pupil's class is their homeroom; scheduled classes are teaching: on a homeroom when their code names one
 * (as Préau's export writes "MATHS-4eB"), otherwise on a teaching group; guardians are linked through agentSourcedIds.
 * Columns are found by name in any case and order; other columns (vendors' `ext_*`, misspelt optional ones) are
 * ignored; line ends may differ from file to file; files the manifest says are absent may be missing.
 */

/** The package's files Préau reads, with the columns it cannot do without. */
const REQUIRED_COLUMNS = {
  manifest: ["propertyName", "value"],
  users: ["sourcedId", "givenName", "familyName"],
  roles: ["userSourcedId", "role"],
  enrollments: ["classSourcedId", "userSourcedId", "role"],
  classes: ["sourcedId", "title"],
  courses: ["sourcedId", "title"],
  orgs: ["sourcedId", "type"],
} as const;
type FileName = keyof typeof REQUIRED_COLUMNS;

interface Line {
  line: number;
  get(column: string): string;
}
interface Table {
  lines: Line[];
  has(column: string): boolean;
  encoding: string;
}

class PackageError extends Error {
  constructor(
    readonly file: string | undefined,
    readonly error: Message,
  ) {
    super(error.key);
  }
}

const LINE_ERROR = (key: string, values?: Message["values"]): Message => ({ key: `imports.lineErrors.${key}`, values });
const values = (cell: string) => cell.split(",").map((v) => v.trim()).filter((v) => v !== "");
const unique = <T>(items: T[]) => [...new Set(items)];
const active = (line: Line) => line.get("status").toLowerCase() !== "tobedeleted";

/** The package's CSV files by lower-case name, wherever they sit in the ZIP; a file too large to be a roster is refused unread. */
function unzip(bytes: Uint8Array): Map<string, Uint8Array> {
  const tooLarge: string[] = [];
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (file) => {
        const wanted = /\.csv$/i.test(file.name) && !file.name.startsWith("__MACOSX/");
        if (wanted && file.originalSize > MAX_FILE_BYTES) tooLarge.push(file.name);
        return wanted && file.originalSize <= MAX_FILE_BYTES;
      },
    });
  } catch {
    throw new PackageError(undefined, { key: "imports.errors.notZip" });
  }
  if (tooLarge.length) throw new PackageError(tooLarge[0], { key: "imports.errors.tooLarge", values: { max: MAX_FILE_BYTES / 1024 / 1024 } });
  return new Map(Object.entries(entries).map(([name, data]) => [name.split("/").pop()!.toLowerCase(), data]));
}

function readTable(files: Map<string, Uint8Array>, name: FileName): Table | null {
  const bytes = files.get(`${name.toLowerCase()}.csv`);
  if (!bytes) return null;
  const csv = readCsv(bytes);
  if (!csv.ok) {
    // a header-only (or empty) file is an empty table
    if (csv.error.key === "imports.errors.noRows" || csv.error.key === "imports.errors.empty") return { lines: [], has: () => false, encoding: "utf-8" };
    throw new PackageError(`${name}.csv`, csv.error);
  }
  const index = new Map<string, number>();
  csv.headers.forEach((header, i) => {
    if (headerKey(header) && !index.has(headerKey(header))) index.set(headerKey(header), i);
  });
  const missing = REQUIRED_COLUMNS[name].filter((column) => !index.has(headerKey(column)));
  if (missing.length) throw new PackageError(`${name}.csv`, { key: "imports.errors.missingColumns", values: { columns: missing.join(", ") } });
  return {
    encoding: csv.encoding,
    has: (column) => index.has(headerKey(column)),
    lines: csv.records.map(({ line, cells }) => ({
      line,
      get: (column) => {
        const i = index.get(headerKey(column));
        return i === undefined ? "" : (cells[i] ?? "").trim();
      },
    })),
  };
}

export function readOneRoster(bytes: Uint8Array, uai: string): RosterReading {
  try {
    return readPackage(unzip(bytes), uai);
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
    return { fileErrors: [{ kind: "oneRoster", file: error.file, error: error.error }], files: [], rowsByKind: new Map(), complete: [] };
  }
}

function readPackage(files: Map<string, Uint8Array>, uai: string): RosterReading {
  const missingFile = (name: string) => new PackageError(`${name}.csv`, { key: "imports.errors.missingFile", values: { file: `${name}.csv` } });
  const manifest = readTable(files, "manifest");
  if (!manifest) throw missingFile("manifest");
  const modes = new Map(manifest.lines.map((l) => [l.get("propertyName").toLowerCase(), l.get("value").toLowerCase()]));
  const modeOf = (name: string) => modes.get(`file.${name.toLowerCase()}`) ?? "";
  const table = (name: FileName, required = false) => {
    const found = readTable(files, name);
    if (!found && (required || modeOf(name) === "bulk" || modeOf(name) === "delta")) throw missingFile(name);
    return found;
  };
  const users = table("users", true)!;
  const roles = table("roles", !users.has("role"));
  const orgs = table("orgs");
  const classTable = table("classes");
  const courseTable = table("courses");
  const enrollments = table("enrollments");

  const schools = (orgs?.lines ?? []).filter((o) => active(o) && o.get("type").toLowerCase() === "school");
  const school = schools.length === 1 ? schools[0] : schools.find((o) => o.get("identifier").toLowerCase() === uai.toLowerCase());
  if (schools.length > 1 && !school) throw new PackageError("orgs.csv", { key: "imports.errors.oneRosterSchool", values: { uai } });
  const schoolId = school?.get("sourcedId");
  const inSchool = (org: string) => !schoolId || !org || org === schoolId;

  const rolesOf = new Map<string, string[]>();
  for (const role of (roles?.lines ?? []).filter((r) => active(r) && inSchool(r.get("orgSourcedId")))) {
    const list = rolesOf.get(role.get("userSourcedId")) ?? rolesOf.set(role.get("userSourcedId"), []).get(role.get("userSourcedId"))!;
    if (role.get("roleType").toLowerCase() === "primary") list.unshift(role.get("role"));
    else list.push(role.get("role"));
  }
  const people = users.lines.filter((u) => {
    if (!active(u) || u.get("enabledUser").toLowerCase() === "false") return false;
    const orgIds = values(u.get("orgSourcedIds"));
    return roles || !schoolId || orgIds.length === 0 || orgIds.includes(schoolId);
  });
  const linesOf = (user: Line) =>
    unique((roles ? rolesOf.get(user.get("sourcedId")) ?? [] : values(user.get("role"))).map((role) => ROLE_LINE[role.toLowerCase()]).filter(Boolean))
      .filter((line, index, all) => all.findIndex((other) => other.kind === line.kind) === index);

  const classes = new Classes(classTable, courseTable, enrollments, inSchool);
  const pupilIds = new Set(people.filter((u) => linesOf(u).some((l) => l.kind === "pupils")).map((u) => u.get("sourcedId")));
  const userIds = new Set(users.lines.map((u) => u.get("sourcedId")));
  const agentsOf = (user: Line) => values(user.get("agentSourcedIds") || user.get("agents"));
  const delta = modeOf("users") === "delta";

  const rowsByKind = new Map<FileKind, RosterRow[]>();
  for (const user of people) {
    const id = user.get("sourcedId");
    for (const { kind, function: fn } of linesOf(user)) {
      const homeroom = kind === "pupils" ? classes.homeroomOf(id) : null;
      const children =
        kind === "guardians"
          ? unique([
              ...agentsOf(user).filter((agent) => pupilIds.has(agent) || !userIds.has(agent)),
              ...people.filter((p) => pupilIds.has(p.get("sourcedId")) && agentsOf(p).includes(id)).map((p) => p.get("sourcedId")),
            ]).map((externalId) => ({ externalId }))
          : [];
      const row: RosterRow = {
        kind,
        line: user.line,
        key: `${kind}:id:${id}`,
        sameAs: id,
        firstName: user.get("givenName"),
        lastName: user.get("familyName"),
        email: user.get("email") || null,
        phone: user.get("phone") || user.get("sms") || null,
        className: homeroom?.get("title") ?? "",
        level: levelOfGrades(homeroom?.get("grades") ?? ""),
        groups: kind === "pupils" && classTable && !delta ? classes.groupsOf(id) : null,
        children,
        relationship: "other",
        receivesInformation: true,
        teaching: kind === "teachers" ? classes.teachingOf(id) : [],
        function: fn ?? "",
        errors: [],
      };
      row.errors = [...(id ? [] : [LINE_ERROR("missing", { field: "sourcedId" })]), ...rowErrors(row)];
      (rowsByKind.get(kind) ?? rowsByKind.set(kind, []).get(kind)!).push(row);
    }
  }
  for (const rows of rowsByKind.values()) markDuplicates(rows);
  const kinds = (["pupils", "guardians", "teachers", "staff"] as const).filter((kind) => rowsByKind.has(kind));
  return {
    fileErrors: [],
    files: kinds.map((kind) => ({ kind, encoding: users.encoding, separator: ",", rows: rowsByKind.get(kind)!.length, leftOut: 0 })),
    rowsByKind,
    complete: delta ? [] : kinds,
  };
}

/** The package's classes and who is enrolled in them: homerooms are French classes, scheduled classes teaching. */
class Classes {
  private readonly classes: Map<string, Line>;
  private readonly courses: Map<string, Line>;
  private readonly homerooms: Map<string, string>;
  private readonly enrolments = new Map<string, { of: Line; role: string }[]>();

  constructor(classTable: Table | null, courseTable: Table | null, enrollments: Table | null, inSchool: (org: string) => boolean) {
    this.classes = new Map((classTable?.lines ?? []).filter((c) => active(c) && inSchool(c.get("schoolSourcedId"))).map((c) => [c.get("sourcedId"), c]));
    this.courses = new Map((courseTable?.lines ?? []).filter(active).map((c) => [c.get("sourcedId"), c]));
    this.homerooms = new Map([...this.classes.values()].filter(isHomeroom).map((c) => [compactName(c.get("title")), c.get("title")]));
    for (const e of (enrollments?.lines ?? []).filter((e) => active(e) && inSchool(e.get("schoolSourcedId")))) {
      const of = this.classes.get(e.get("classSourcedId"));
      if (!of) continue;
      const user = e.get("userSourcedId");
      (this.enrolments.get(user) ?? this.enrolments.set(user, []).get(user)!).push({ of, role: e.get("role").toLowerCase() });
    }
  }

  private enrolled(userId: string, role: string, homeroom: boolean) {
    return (this.enrolments.get(userId) ?? []).filter((e) => e.role === role && isHomeroom(e.of) === homeroom).map((e) => e.of);
  }

  homeroomOf(pupilId: string): Line | null {
    return this.enrolled(pupilId, "student", true)[0] ?? null;
  }

  groupsOf(pupilId: string): string[] {
    return unique(this.enrolled(pupilId, "student", false).flatMap((c) => this.audienceOf(c).groupName ?? []));
  }

  /** A teacher's scheduled classes; their homerooms make them lead teacher (professeur principal) of what they teach there. */
  teachingOf(teacherId: string): Teaching[] {
    const leads = new Set(this.enrolled(teacherId, "teacher", true).map((c) => compactName(c.get("title"))));
    return this.enrolled(teacherId, "teacher", false).map((c) => {
      const audience = this.audienceOf(c);
      return { subject: this.subjectOf(c), ...audience, lead: audience.className !== null && leads.has(compactName(audience.className)) };
    });
  }

  /** Whom a scheduled class teaches: the homeroom its code names after the course code ("MATHS-4eB"), else a group of its code or title. */
  private audienceOf(c: Line): { className: string | null; groupName: string | null } {
    const courseCode = this.courses.get(c.get("courseSourcedId"))?.get("courseCode");
    const code = c.get("classCode");
    const name = courseCode && code.startsWith(`${courseCode}-`) ? code.slice(courseCode.length + 1) : code || c.get("title");
    const className = this.homerooms.get(compactName(name));
    return className ? { className, groupName: null } : { className: null, groupName: name };
  }

  /** The subject a scheduled class teaches: its course, else its first subject, else its title. */
  private subjectOf(c: Line): Teaching["subject"] {
    const course = this.courses.get(c.get("courseSourcedId"));
    if (course) return { name: course.get("title"), code: course.get("courseCode") || undefined };
    const [name] = values(c.get("subjects"));
    const [code] = values(c.get("subjectCodes"));
    return name ? { name, code } : { name: c.get("title") };
  }
}

function isHomeroom(c: Line): boolean {
  return c.get("classType").toLowerCase() === "homeroom";
}
