import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { schoolInstant } from "@/server/calendar/days";
import { serverCaller } from "@/server/trpc/request-context";
import { guarded } from "../../../guarded";
import { RollCallSheet } from "./RollCallSheet";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("attendance"))("rollCall.title") };
}

type Params = Promise<{ lessonId: string; date: string }>;

/** A service's refusal (lesson not begun, cancelled, too old) is shown as such; anything else is not found. */
function refusal(error: unknown) {
  if (error instanceof TRPCError && error.code === "BAD_REQUEST" && error.message.startsWith("attendance.errors.")) {
    return { sheet: null, refusal: error.message.slice("attendance.".length) };
  }
  throw error;
}

/** The roll call of one lesson occurrence, for its teacher or the colleague replacing them that day. */
export default async function RollCallPage({ params }: { params: Params }) {
  const { lessonId, date } = await params;
  const { api } = await serverCaller();
  const t = await getTranslations("attendance");
  const { sheet, refusal: why } = await guarded(() =>
    api.attendance.rollCall({ lessonId, plannedOn: date }).then((found) => ({ sheet: found, refusal: null }), refusal),
  );
  const back = (
    <p>
      <Link href="/appel">{t("rollCall.back")}</Link>
    </p>
  );
  if (!sheet) {
    return (
      <div className={ui.stack}>
        {back}
        <h1>{t("rollCall.title")}</h1>
        <p className={ui.alert}>{t(why as "errors.notYet")}</p>
      </div>
    );
  }
  const { occurrence, taken, pupils } = sheet;
  const start = schoolInstant(occurrence.on, occurrence.startsAt);
  const end = schoolInstant(occurrence.on, occurrence.endsAt);
  return (
    <div className={ui.stack}>
      {back}
      <div>
        <h1>{t("rollCall.lessonTitle", { subject: occurrence.subject.name, audience: occurrence.audience.name })}</h1>
        <p>
          {occurrence.room
            ? t("rollCall.lessonWhenRoom", { day: start, start, end, room: occurrence.room.name })
            : t("rollCall.lessonWhen", { day: start, start, end })}
          {" · "}
          {t("rollCall.pupilsCount", { count: pupils.length })}
        </p>
        {taken ? (
          <p className={ui.muted}>
            {taken.by ? t("rollCall.takenAtBy", { at: taken.at, name: taken.by }) : t("rollCall.takenAt", { at: taken.at })}
          </p>
        ) : null}
      </div>
      {pupils.length === 0 ? (
        <p className={ui.card}>{t("rollCall.noPupils")}</p>
      ) : (
        <RollCallSheet
          lessonId={occurrence.lessonId}
          plannedOn={occurrence.plannedOn}
          pupils={pupils.map((p) => ({ id: p.id, name: `${p.lastName.toUpperCase()} ${p.firstName}`, mark: p.mark }))}
        />
      )}
    </div>
  );
}
