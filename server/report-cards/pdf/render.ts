import PDFDocument from "pdfkit";
import type { ReportCardLayout, SubjectRow } from "./layout";
import { toWinAnsi } from "./win-ansi";

type Doc = InstanceType<typeof PDFDocument>;

const MARGIN = 40;
const PAGE = { width: 595.28, height: 841.89 };
const CONTENT = PAGE.width - 2 * MARGIN;
const INK = "#1c2430";
const MUTED = "#525f70";
const RULE = "#b8c2cf";
const HEADER_FILL = "#e7eef8";
const CELL_PADDING = 3;
/** Subject, four figures, appréciation: the appréciation takes what is left. */
const WIDTHS = [118, 40, 40, 32, 32] as const;
const APPRECIATION_WIDTH = CONTENT - WIDTHS.reduce((sum, w) => sum + w, 0);
/** Small enough for twelve subjects with appréciations of a few lines on one page, as schools print them. */
const APPRECIATION_SIZE = 7.5;
/** Room kept at the bottom of the last page for the general appréciation and the signature. */
const FOOTER_ROOM = 40;

/**
 * Draws bulletins with pdfkit on A4, each starting on a new page: one for a pupil, a whole class for printing.
 * Helvetica (built into every PDF reader) writes French through WinAnsi, so no font file is embedded.
 * `compress: false` keeps the text readable in the file, for tests.
 */
export function renderReportCards(layouts: ReportCardLayout[], options: { compress?: boolean } = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    autoFirstPage: false,
    compress: options.compress ?? true,
    lang: "fr-FR",
    displayTitle: true,
    info: {
      Title: layouts.length === 1 ? layouts[0].documentTitle : layouts[0]?.title ?? "",
      Author: layouts[0]?.establishment.name ?? "",
      Creator: "Préau",
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  for (const layout of layouts) drawReportCard(doc, layout);
  doc.end();
  return done;
}

function drawReportCard(doc: Doc, layout: ReportCardLayout) {
  newPage(doc, layout);
  drawIdentity(doc, layout);
  drawTableHeader(doc, layout);
  for (const row of layout.rows) {
    const height = rowHeight(doc, row);
    if (doc.y + height > PAGE.height - MARGIN) {
      newPage(doc, layout);
      drawTableHeader(doc, layout);
    }
    drawRow(doc, row, height);
  }
  drawSummary(doc, layout);
}

/** A page with the bulletin's header: establishment on the left, year and period on the right. */
function newPage(doc: Doc, layout: ReportCardLayout) {
  doc.addPage();
  if (layout.draftMark) drawDraftMark(doc, layout.draftMark);
  const top = MARGIN;
  doc.fillColor(INK).font("Helvetica-Bold").fontSize(11);
  doc.text(toWinAnsi(layout.establishment.name), MARGIN, top, { width: CONTENT / 2 });
  doc.font("Helvetica").fontSize(8.5).fillColor(MUTED);
  doc.text(toWinAnsi(layout.establishmentLine));
  const left = doc.y;
  doc.fillColor(MUTED).fontSize(8.5).text(toWinAnsi(layout.schoolYear), MARGIN + CONTENT / 2, top, { width: CONTENT / 2, align: "right" });
  doc.fillColor(INK).font("Helvetica-Bold").fontSize(13);
  doc.text(toWinAnsi(layout.title), MARGIN + CONTENT / 2, doc.y, { width: CONTENT / 2, align: "right" });
  const bottom = Math.max(left, doc.y) + 6;
  doc.moveTo(MARGIN, bottom).lineTo(MARGIN + CONTENT, bottom).lineWidth(1).strokeColor(INK).stroke();
  doc.x = MARGIN;
  doc.y = bottom + 8;
}

/** "Document provisoire" across the page, light, behind the content. */
function drawDraftMark(doc: Doc, text: string) {
  doc.save();
  doc.rotate(-35, { origin: [PAGE.width / 2, PAGE.height / 2] });
  doc.font("Helvetica-Bold").fontSize(54).fillColor("#000000").fillOpacity(0.07);
  doc.text(toWinAnsi(text.toUpperCase()), 0, PAGE.height / 2 - 30, { width: PAGE.width, align: "center", lineBreak: false });
  doc.restore();
  doc.fillOpacity(1);
}

function drawIdentity(doc: Doc, layout: ReportCardLayout) {
  const y = doc.y;
  const width = CONTENT / layout.identity.length;
  layout.identity.forEach(({ label, value }, index) => {
    const x = MARGIN + index * width;
    doc.font("Helvetica").fontSize(7.5).fillColor(MUTED).text(toWinAnsi(label), x, y, { width: width - 8 });
    doc.font("Helvetica-Bold").fontSize(10.5).fillColor(INK).text(toWinAnsi(value), x, doc.y, { width: width - 8 });
  });
  doc.x = MARGIN;
  doc.y = y + 32;
}

function columnsX(): number[] {
  const xs = [MARGIN];
  for (const width of WIDTHS) xs.push(xs[xs.length - 1] + width);
  return xs;
}

function drawTableHeader(doc: Doc, layout: ReportCardLayout) {
  const { columns } = layout;
  const labels = [columns.subject, columns.pupilAverage, columns.classAverage, columns.min, columns.max, columns.appreciation];
  const widths = [...WIDTHS, APPRECIATION_WIDTH];
  const y = doc.y;
  doc.font("Helvetica-Bold").fontSize(7.5);
  // "Moy. élève" takes two lines in its narrow column: the header grows with its longest label.
  const height =
    Math.max(...labels.map((label, i) => doc.heightOfString(toWinAnsi(label), { width: widths[i] - 2 * CELL_PADDING }))) +
    2 * CELL_PADDING;
  doc.rect(MARGIN, y, CONTENT, height).fill(HEADER_FILL);
  doc.fillColor(INK);
  columnsX().forEach((x, index) => {
    const align = index === 0 || index === 5 ? "left" : "center";
    doc.text(toWinAnsi(labels[index]), x + CELL_PADDING, y + CELL_PADDING, { width: widths[index] - 2 * CELL_PADDING, align });
  });
  doc.y = y + height;
}

function subjectHeight(doc: Doc, row: SubjectRow): number {
  const width = WIDTHS[0] - 2 * CELL_PADDING;
  doc.font("Helvetica-Bold").fontSize(8.5);
  let height = doc.heightOfString(toWinAnsi(row.subject), { width });
  if (row.teachers) height += doc.font("Helvetica").fontSize(6.5).heightOfString(toWinAnsi(row.teachers), { width });
  return height;
}

function rowHeight(doc: Doc, row: SubjectRow): number {
  doc.font("Helvetica").fontSize(APPRECIATION_SIZE);
  const appreciation = row.appreciation
    ? doc.heightOfString(toWinAnsi(row.appreciation), { width: APPRECIATION_WIDTH - 2 * CELL_PADDING })
    : 0;
  return Math.max(subjectHeight(doc, row), appreciation, 10) + 2 * CELL_PADDING;
}

function drawRow(doc: Doc, row: SubjectRow, height: number) {
  const y = doc.y;
  const [subjectX, pupilX, classX, minX, maxX, appreciationX] = columnsX();
  const inner = (width: number) => width - 2 * CELL_PADDING;
  doc.font("Helvetica-Bold").fontSize(8.5).fillColor(INK);
  doc.text(toWinAnsi(row.subject), subjectX + CELL_PADDING, y + CELL_PADDING, { width: inner(WIDTHS[0]) });
  if (row.teachers) {
    doc.font("Helvetica").fontSize(6.5).fillColor(MUTED).text(toWinAnsi(row.teachers), { width: inner(WIDTHS[0]) });
  }
  const figures: [number, number, string, boolean][] = [
    [pupilX, WIDTHS[1], row.pupilAverage, true],
    [classX, WIDTHS[2], row.classAverage, false],
    [minX, WIDTHS[3], row.min, false],
    [maxX, WIDTHS[4], row.max, false],
  ];
  for (const [x, width, text, strong] of figures) {
    doc.font(strong ? "Helvetica-Bold" : "Helvetica").fontSize(strong ? 9 : 8).fillColor(strong ? INK : MUTED);
    doc.text(toWinAnsi(text), x + CELL_PADDING, y + CELL_PADDING, { width: inner(width), align: "center" });
  }
  doc.font("Helvetica").fontSize(APPRECIATION_SIZE).fillColor(INK);
  doc.text(toWinAnsi(row.appreciation), appreciationX + CELL_PADDING, y + CELL_PADDING, { width: inner(APPRECIATION_WIDTH) });
  doc.moveTo(MARGIN, y + height).lineTo(MARGIN + CONTENT, y + height).lineWidth(0.5).strokeColor(RULE).stroke();
  doc.x = MARGIN;
  doc.y = y + height;
}

/** Overall average, absences, general appréciation, validation and signature, kept together. */
function drawSummary(doc: Doc, layout: ReportCardLayout) {
  const general = toWinAnsi(layout.general.text);
  doc.font("Helvetica").fontSize(9);
  const generalHeight = Math.max(doc.heightOfString(general || " ", { width: CONTENT - 16 }), 24);
  const needed = 30 + (layout.absences ? 14 : 0) + generalHeight + 30 + FOOTER_ROOM;
  if (doc.y + needed > PAGE.height - MARGIN) newPage(doc, layout);

  doc.y += 8;
  doc.font("Helvetica-Bold").fontSize(10).fillColor(INK);
  doc.text(toWinAnsi(layout.overall.text), MARGIN, doc.y, { continued: Boolean(layout.overall.classFigures) });
  if (layout.overall.classFigures) doc.font("Helvetica").fontSize(8.5).fillColor(MUTED).text(toWinAnsi(`   (${layout.overall.classFigures})`));
  if (layout.absences) doc.font("Helvetica").fontSize(8.5).fillColor(INK).text(toWinAnsi(layout.absences), MARGIN, doc.y + 4);

  const boxTop = doc.y + 8;
  doc.font("Helvetica-Bold").fontSize(8.5).fillColor(INK).text(toWinAnsi(layout.general.title), MARGIN + 8, boxTop + 6);
  doc.font("Helvetica").fontSize(9).text(general, MARGIN + 8, doc.y + 2, { width: CONTENT - 16 });
  const boxBottom = Math.max(doc.y, boxTop + 6 + 12 + generalHeight) + 6;
  doc.rect(MARGIN, boxTop, CONTENT, boxBottom - boxTop).lineWidth(0.75).strokeColor(RULE).stroke();

  const signatureTop = boxBottom + 10;
  doc.font("Helvetica").fontSize(8).fillColor(MUTED);
  const legal = [layout.validation, layout.published].filter(Boolean).join(" · ");
  if (legal) doc.text(toWinAnsi(legal), MARGIN, signatureTop, { width: CONTENT / 2 });
  // Room for the head's signature and the establishment's stamp on a printed copy.
  const signatureX = MARGIN + (CONTENT * 3) / 5;
  const signatureWidth = CONTENT - (signatureX - MARGIN);
  doc.fillColor(INK).text(toWinAnsi(layout.signature), signatureX, signatureTop, { width: signatureWidth, align: "center" });
  doc.rect(signatureX, doc.y + 4, signatureWidth, FOOTER_ROOM - 16).lineWidth(0.5).strokeColor(RULE).stroke();
  doc.x = MARGIN;
}
