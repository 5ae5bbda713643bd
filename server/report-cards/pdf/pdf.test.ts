import { describe, expect, it } from "vitest";
import type { ReportCardSnapshot, SubjectLine } from "../snapshot";
import { reportCardLayout } from "./layout";
import { renderReportCards } from "./render";
import { toWinAnsi } from "./win-ansi";

const SUBJECTS = [
  "Allemand LV2", "Anglais LV1", "Arts plastiques", "Éducation musicale", "Éducation physique et sportive", "Français",
  "Histoire-Géographie-EMC", "Latin", "Mathématiques", "Physique-Chimie", "Sciences de la vie et de la Terre", "Technologie",
];
/** A full appréciation, as long as teachers usually write them (about 200 characters). */
const APPRECIATION =
  "Trimestre sérieux et régulier : les connaissances sont solides, la participation à l'oral est à développer. Continuez à approfondir les leçons et à soigner la rédaction des réponses. Très bien.";

function line(subject: string, index: number, extra: Partial<SubjectLine> = {}): SubjectLine {
  return {
    subjectId: `subject-${index}`,
    subject,
    teachers: ["Claire Moreau"],
    coefficient: 2,
    average: 12 + index / 4,
    class: { average: 11.5, min: 6.25, max: 17.8 },
    appreciation: APPRECIATION,
    ...extra,
  };
}

function card(firstName: string, extra: Partial<ReportCardSnapshot> = {}): ReportCardSnapshot {
  return {
    version: 1,
    establishment: { name: "Collège Lucie Aubrac", uai: "0691234A", city: "Lyon" },
    schoolYear: "2026-2027",
    period: { id: "p1", kind: "trimester", ordinal: 1, startsOn: "2026-09-01", endsOn: "2026-11-30" },
    pupil: { id: `pupil-${firstName}`, firstName, lastName: "Bernard" },
    class: { id: "c1", name: "4eB" },
    leadTeacher: "Claire Moreau",
    subjects: SUBJECTS.map((subject, index) => line(subject, index)),
    overall: { average: 13.04, class: { average: 10.95, min: 8.86, max: 13.04 } },
    generalAppreciation: "Bon trimestre. Élève investie, qui doit oser davantage à l'oral.",
    absences: null,
    validation: { by: "Isabelle Fontaine", at: "2026-11-30T16:00:00.000Z" },
    publishedAt: "2026-12-01T08:00:00.000Z",
    ...extra,
  };
}

/** The text an uncompressed PDF draws: pdfkit writes each run as hex WinAnsi codes in TJ arrays. */
function textOf(pdf: Buffer): string {
  const source = pdf.toString("latin1");
  return [...source.matchAll(/\[([^\]]*)\] TJ/g)]
    .map(([, array]) =>
      [...array.matchAll(/<([0-9a-f]*)>/gi)].map(([, hex]) => Buffer.from(hex, "hex").toString("latin1")).join(""),
    )
    .join("\n");
}

const pageCount = (pdf: Buffer) => pdf.toString("latin1").match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;

describe("a bulletin's layout", () => {
  it("writes every figure as printed, in French, with blanks for what is missing", () => {
    const layout = reportCardLayout(
      card("Emma", { subjects: [line("Français", 0, { average: 14.43 }), line("Latin", 1, { average: null, class: null, appreciation: null })] }),
      "fr",
    );
    expect(layout.title).toBe("Bulletin du 1er trimestre");
    expect(layout.identity).toEqual([
      { label: "Élève", value: "BERNARD Emma" },
      { label: "Classe", value: "4eB" },
      { label: "Professeur principal", value: "Claire Moreau" },
    ]);
    expect(layout.rows[0]).toMatchObject({ pupilAverage: "14,43", classAverage: "11,50", min: "6,25", max: "17,80" });
    expect(layout.rows[1]).toMatchObject({ pupilAverage: "—", classAverage: "—", appreciation: "" });
    expect(layout.overall.text).toBe("Moyenne générale\u00a0: 13,04");
    expect(layout.validation).toBe("Validé le 30 novembre 2026 par Isabelle Fontaine");
    expect(layout.draftMark).toBeNull();
    expect(layout.absences).toBeNull();
  });

  it("marks a bulletin not yet published as provisional, and counts absences once they are known", () => {
    const layout = reportCardLayout(
      card("Emma", { publishedAt: null, validation: null, absences: { halfDays: 3, unjustifiedHalfDays: 1, lates: 2 } }),
      "fr",
    );
    expect(layout.draftMark).toBe("Document provisoire");
    expect(layout.validation).toBeNull();
    expect(layout.absences).toBe("3 demi-journées d'absence (1 non justifiée) · 2 retards");
  });

  it("speaks English to English readers", () => {
    const layout = reportCardLayout(card("Emma"), "en");
    expect(layout.title).toBe("1st term report card");
    expect(layout.rows[0].classAverage).toBe("11.50");
    expect(layout.overall.text).toBe("Overall average: 13.04");
  });
});

describe("the bulletin PDF", () => {
  it("is an A4 PDF of one page holding the pupil's name, the period and the appréciations, accents included", async () => {
    const pdf = await renderReportCards([reportCardLayout(card("Emma"), "fr")], { compress: false });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.toString("latin1")).toContain("/MediaBox [0 0 595.28 841.89]");
    expect(pageCount(pdf)).toBe(1);
    const text = textOf(pdf);
    for (const expected of ["BERNARD Emma", "Bulletin du 1er trimestre", "UAI 0691234A", "Éducation musicale", "Élève investie", "Le chef d'établissement"]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain("Document provisoire".toUpperCase());
  });

  it("prints a class with one page per pupil", async () => {
    const pupils = ["Emma", "Hugo", "Inès", "Léa"].map((name) => reportCardLayout(card(name), "fr"));
    const pdf = await renderReportCards(pupils, { compress: false });
    expect(pageCount(pdf)).toBe(4);
    expect(textOf(pdf)).toContain("BERNARD Inès");
  });

  it("carries a bulletin over to a second page when its appréciations do not fit, with the table's header again", async () => {
    // Twelve subjects with appréciations of the longest kind (600 characters) fill more than a page.
    const longest = `${APPRECIATION} ${APPRECIATION} ${APPRECIATION}`.slice(0, 600);
    const long = card("Emma", { subjects: SUBJECTS.map((s, i) => line(s, i, { appreciation: longest })) });
    const pdf = await renderReportCards([reportCardLayout(long, "fr")], { compress: false });
    expect(pageCount(pdf)).toBe(2);
    expect(textOf(pdf).match(/Appréciation\n/g)?.length).toBe(2);
  });

  it("is compressed when served", async () => {
    const layout = reportCardLayout(card("Emma"), "fr");
    const [plain, compressed] = await Promise.all([
      renderReportCards([layout], { compress: false }),
      renderReportCards([layout]),
    ]);
    expect(compressed.length).toBeLessThan(plain.length / 2);
  });
});

describe("text for Helvetica", () => {
  it("keeps French, strips accents Helvetica lacks, and never lets garbage through", () => {
    expect(toWinAnsi("Élève « très » sérieuse : œuvre, 12 € … déjà")).toBe("Élève « très » sérieuse : œuvre, 12 € … déjà");
    expect(toWinAnsi("Wałęsa, Dvořák")).toBe("Walesa, Dvorák");
    expect(toWinAnsi("a\u202f;b")).toBe("a\u00a0;b");
    expect(toWinAnsi("ok 😀")).toBe("ok ?");
  });
});
