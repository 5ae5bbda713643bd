import { and, asc, eq, inArray } from "drizzle-orm";
import { stringify } from "csv-stringify/sync";
import { evaluations, marks, people } from "@/drizzle/schema";
import type { Locale } from "@/app/i18n/locales";
import type { Db } from "@/server/db";
import { serverTranslator } from "@/server/i18n/translate";
import { type GradedMark, roundForDisplay, subjectAverage } from "./averages";

/** A class's marks in one subject and period, as a table: one row per pupil, one column per evaluation. */
export async function assignmentMarksTable(db: Db, assignmentId: string, periodId: string) {
  const given = await db
    .select()
    .from(evaluations)
    .where(and(eq(evaluations.assignmentId, assignmentId), eq(evaluations.periodId, periodId)))
    .orderBy(asc(evaluations.givenOn), asc(evaluations.createdAt));
  const rows = given.length
    ? await db
        .select({
          evaluationId: marks.evaluationId,
          studentId: marks.studentId,
          firstName: people.firstName,
          lastName: people.lastName,
          status: marks.status,
          value: marks.value,
        })
        .from(marks)
        .innerJoin(people, eq(people.id, marks.studentId))
        .where(inArray(marks.evaluationId, given.map((e) => e.id)))
    : [];
  const pupils = new Map<string, { firstName: string; lastName: string; marks: Map<string, (typeof rows)[number]> }>();
  for (const row of rows) {
    const pupil = pupils.get(row.studentId) ?? { firstName: row.firstName, lastName: row.lastName, marks: new Map() };
    pupil.marks.set(row.evaluationId, row);
    pupils.set(row.studentId, pupil);
  }
  const sorted = [...pupils.values()].sort((a, b) =>
    `${a.lastName} ${a.firstName}`.localeCompare(`${b.lastName} ${b.firstName}`, "fr"),
  );
  return {
    evaluations: given.map(({ id, title, givenOn, outOf, coefficient, publishedAt }) => ({
      id,
      title,
      givenOn,
      outOf,
      coefficient,
      published: publishedAt !== null,
    })),
    pupils: sorted.map((pupil) => {
      const graded: GradedMark[] = given.flatMap((e) => {
        const mark = pupil.marks.get(e.id);
        return mark ? [{ outOf: e.outOf, coefficient: e.coefficient, kind: e.kind, status: mark.status, value: mark.value }] : [];
      });
      const average = subjectAverage(graded);
      return {
        lastName: pupil.lastName,
        firstName: pupil.firstName,
        marks: given.map((e) => {
          const mark = pupil.marks.get(e.id);
          return mark ? { status: mark.status, value: mark.value } : null;
        }),
        average: average === null ? null : roundForDisplay(average),
      };
    }),
  };
}

/**
 * CSV as French spreadsheets open it: semicolons, a byte-order mark for the accents, and every cell that a
 * spreadsheet could take for a formula (=, +, -, @, tab, carriage return) escaped against CSV injection.
 */
export function toSpreadsheetCsv(rows: (string | number)[][]): string {
  return stringify(rows, { delimiter: ";", bom: true, escape_formulas: true, record_delimiter: "windows" });
}

type MarksTable = Awaited<ReturnType<typeof assignmentMarksTable>>;

/** The table's rows as a teacher reads them in their language: headers, marks in local decimals, status codes. */
export function marksTableRows(table: MarksTable, locale: Locale): string[][] {
  const t = serverTranslator(locale);
  const number = (value: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
  const header = [
    t("grades.export.lastName"),
    t("grades.export.firstName"),
    ...table.evaluations.map((e) =>
      t("grades.export.evaluation", { title: e.title, date: e.givenOn, outOf: number(e.outOf), coefficient: number(e.coefficient) }),
    ),
    t("grades.subjectAverage"),
  ];
  const pupils = table.pupils.map((pupil) => [
    pupil.lastName,
    pupil.firstName,
    ...pupil.marks.map((mark) => {
      if (!mark) return "";
      return mark.value != null ? number(mark.value) : t(`grades.statuses.${mark.status as "absent"}`);
    }),
    pupil.average === null ? "" : number(pupil.average),
  ]);
  return [header, ...pupils];
}
