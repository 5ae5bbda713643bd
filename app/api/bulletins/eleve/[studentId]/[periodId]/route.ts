import { pupilName } from "@/server/report-cards/pdf/layout";
import { pdfDownload } from "../../../pdf-response";

/** A pupil's published bulletin for a period, as a PDF: for the pupil, their family, and the staff who follow them. */
export async function GET(_request: Request, { params }: { params: Promise<{ studentId: string; periodId: string }> }) {
  const { studentId, periodId } = await params;
  return pdfDownload(async (api) => {
    const card = await api.reportCards.studentCard({ studentId, periodId });
    return card && { cards: [card], prefix: "filename", nameParts: [card.class.name, pupilName(card.pupil)] };
  });
}
