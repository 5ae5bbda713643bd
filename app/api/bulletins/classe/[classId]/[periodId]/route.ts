import { pdfDownload } from "../../../pdf-response";

/**
 * A class's bulletins for a period in one PDF, a pupil per page, for printing: the conseil de classe's drafts
 * (marked provisional) before publication, the frozen copies after.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ classId: string; periodId: string }> }) {
  const { classId, periodId } = await params;
  return pdfDownload(async (api) => {
    const council = await api.reportCards.council({ classId, periodId });
    return { cards: council.cards, prefix: "classFilename", nameParts: [council.class.name] };
  });
}
