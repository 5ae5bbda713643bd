import PDFDocument from "pdfkit";
import type { Locale } from "@/app/i18n/locales";
import { env } from "@/server/env";
import { serverTranslator } from "@/server/i18n/translate";
import { pupilName } from "@/server/report-cards/pdf/layout";
import { toWinAnsi } from "@/server/report-cards/pdf/win-ansi";
import type { IssuedCode } from "./activation-codes";

const MARGIN = 56;
const WIDTH = 595.28 - 2 * MARGIN;
const INK = "#1c2430";
const MUTED = "#525f70";
const BOX_FILL = "#e7eef8";

export interface LetterContext {
  establishment: { name: string; uai: string; city: string | null };
  /** what the letters are for, printed under the title: "Classe 4eB", "Personnels" */
  audience: string;
  locale: Locale;
}

/**
 * Activation letters (lettres d'activation) on A4, one per person, to hand out or post: the ENT's address, the
 * person's identifiant and one-time code, and until when it works. Drawn like the bulletins (Helvetica in WinAnsi, no
 * embedded font). `compress: false` keeps the text readable in the file, for tests.
 */
export function renderActivationLetters(codes: IssuedCode[], context: LetterContext, options: { compress?: boolean } = {}): Promise<Buffer> {
  const t = serverTranslator(context.locale);
  const address = `${env().PUBLIC_URL.replace(/\/$/, "")}/activation`;
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    autoFirstPage: false,
    compress: options.compress ?? true,
    lang: context.locale === "fr" ? "fr-FR" : "en-GB",
    displayTitle: true,
    info: { Title: toWinAnsi(t("admin.letters.pdfTitle", { audience: context.audience })), Author: toWinAnsi(context.establishment.name), Creator: "Préau" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const day = (date: Date) => new Intl.DateTimeFormat(context.locale, { dateStyle: "long", timeZone: "Europe/Paris" }).format(date);

  for (const person of codes) {
    doc.addPage();
    doc.fillColor(INK).font("Helvetica-Bold").fontSize(12).text(toWinAnsi(context.establishment.name), MARGIN, MARGIN);
    doc.font("Helvetica").fontSize(9).fillColor(MUTED);
    doc.text(toWinAnsi([`UAI ${context.establishment.uai}`, context.establishment.city].filter(Boolean).join(" · ")));
    doc.moveDown(2);
    doc.fillColor(INK).font("Helvetica-Bold").fontSize(18).text(toWinAnsi(t("admin.letters.heading")));
    doc.font("Helvetica").fontSize(10).fillColor(MUTED).text(toWinAnsi(context.audience));
    doc.moveDown(1.5);
    doc.fillColor(INK).fontSize(12).text(toWinAnsi(t("admin.letters.greeting", { name: pupilName(person) })));
    doc.moveDown(0.5);
    doc.fontSize(11).text(toWinAnsi(t("admin.letters.body")), { width: WIDTH });
    doc.moveDown(1);

    const top = doc.y;
    doc.rect(MARGIN, top, WIDTH, 118).fill(BOX_FILL);
    const line = (label: string, value: string, y: number) => {
      doc.fillColor(MUTED).font("Helvetica").fontSize(10).text(toWinAnsi(label), MARGIN + 16, y, { width: 150 });
      doc.fillColor(INK).font("Helvetica-Bold").fontSize(14).text(toWinAnsi(value), MARGIN + 170, y - 2, { width: WIDTH - 186 });
    };
    line(t("admin.letters.address"), address, top + 16);
    line(t("admin.letters.login"), person.login, top + 48);
    line(t("admin.letters.code"), person.code, top + 80);
    doc.x = MARGIN;
    doc.y = top + 134;
    doc.fillColor(INK).font("Helvetica").fontSize(11);
    doc.text(toWinAnsi(t("admin.letters.expires", { date: day(person.expiresAt) })), { width: WIDTH });
    doc.moveDown(1);
    doc.font("Helvetica-Bold").text(toWinAnsi(t("admin.letters.stepsTitle")));
    doc.font("Helvetica");
    for (const step of ["step1", "step2", "step3"] as const) {
      doc.text(toWinAnsi(`•  ${t(`admin.letters.${step}`, { address })}`), { width: WIDTH, indent: 8 });
    }
    doc.moveDown(1);
    doc.fillColor(MUTED).fontSize(9.5).text(toWinAnsi(t("admin.letters.keepSafe")), { width: WIDTH });
  }
  doc.end();
  return done;
}
