import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { schoolTime } from "@/server/calendar/days";
import { isoDate } from "@/server/calendar/days";
import { serverCaller } from "@/server/trpc/request-context";
import { AbsenceWhen } from "../absences/AbsenceWhen";
import styles from "../absences/attendance.module.css";
import { guarded } from "../guarded";
import { FollowUpList } from "./FollowUpList";
import { MissingRollCalls } from "./MissingRollCalls";
import { RecordForm } from "./RecordForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("attendance"))("desk.title") };
}

type Search = Promise<{ classe?: string; statut?: string; page?: string }>;

/** Vie scolaire's desk: who is missing now, roll calls not taken, absences to deal with, and recording new ones. */
export default async function DeskPage({ searchParams }: { searchParams: Search }) {
  const { classe, statut, page } = await searchParams;
  const { api } = await serverCaller();
  const [t, tStatus] = await Promise.all([getTranslations("attendance.desk"), getTranslations("attendance.statuses")]);
  const status = statut === "unjustified" || statut === "pending" ? statut : undefined;
  const classId = classe && /^[0-9a-f-]{36}$/.test(classe) ? classe : undefined;
  const pageNumber = Math.max(0, Math.min(10_000, Number.parseInt(page ?? "0", 10) || 0));
  const [desk, followUp, classes] = await Promise.all([
    guarded(() => api.attendance.desk()),
    guarded(() => api.attendance.followUp({ classId, status, page: pageNumber })),
    api.directory.classes(),
  ]);
  const now = new Date();
  const pageLink = (to: number) => {
    const query = new URLSearchParams({ ...(classId ? { classe: classId } : {}), ...(status ? { statut: status } : {}), page: String(to) });
    return `/vie-scolaire?${query}`;
  };

  return (
    <div className={ui.stack}>
      <h1>{t("title")}</h1>
      <div className={styles.desk}>
        <section className={ui.card} aria-labelledby="absent-now">
          <h2 id="absent-now">{t("absentNow")}</h2>
          {desk.absent.length === 0 ? <p>{t("noneAbsent")}</p> : null}
          <ul className={styles.rows}>
            {desk.absent.map((absence) => (
              <li key={absence.id} className={styles.row}>
                <span className={styles.rowMain}>
                  <Link className={styles.rowTitle} href={`/absences/eleve/${absence.studentId}`}>
                    {absence.lastName.toUpperCase()} {absence.firstName}
                  </Link>
                  <span>
                    {absence.className ?? ""} · <AbsenceWhen absence={{ ...absence, kind: "absence", minutesLate: null, subject: null }} />
                  </span>
                </span>
              </li>
            ))}
          </ul>
        </section>
        <section className={ui.card} aria-labelledby="missing-roll-calls">
          <h2 id="missing-roll-calls">{t("rollCallsMissing")}</h2>
          <MissingRollCalls missing={desk.rollCallsMissing} />
        </section>
      </div>
      <div className={styles.deskMain}>
        <section className={ui.card} aria-labelledby="to-handle">
          <h2 id="to-handle">{t("toHandle")}</h2>
          <form className={styles.filters} method="get" action="/vie-scolaire">
            <div className={ui.field}>
              <label className={ui.label} htmlFor="classe">
                {t("class")}
              </label>
              <select className={ui.input} id="classe" name="classe" defaultValue={classId ?? ""}>
                <option value="">{t("allClasses")}</option>
                {classes.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </div>
            <div className={ui.field}>
              <label className={ui.label} htmlFor="statut">
                {t("status")}
              </label>
              <select className={ui.input} id="statut" name="statut" defaultValue={status ?? ""}>
                <option value="">{t("allStatuses")}</option>
                <option value="pending">{tStatus("pending")}</option>
                <option value="unjustified">{tStatus("unjustified")}</option>
              </select>
            </div>
            <button className={`${ui.button} ${ui.secondary}`} type="submit">
              {t("filter")}
            </button>
          </form>
          {followUp.items.length === 0 ? <p>{t("nothingToHandle")}</p> : <FollowUpList items={followUp.items} />}
          {followUp.page > 0 || followUp.hasMore ? (
            <nav className={styles.pager} aria-label={t("toHandle")}>
              {followUp.page > 0 ? <Link href={pageLink(followUp.page - 1)}>{t("previous")}</Link> : <span />}
              {followUp.hasMore ? <Link href={pageLink(followUp.page + 1)}>{t("next")}</Link> : null}
            </nav>
          ) : null}
        </section>
        <section className={ui.card} aria-labelledby="record">
          <h2 id="record">{t("record")}</h2>
          <RecordForm classes={classes.map((c) => ({ id: c.id, name: c.name }))} today={isoDate(now)} now={schoolTime(now)} />
        </section>
      </div>
    </div>
  );
}
