import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { serverCaller } from "@/server/trpc/request-context";
import { LogbookEntries } from "../cahier-de-textes/LogbookEntries";
import { LogbookPager } from "../cahier-de-textes/LogbookPager";
import { ofSubject, SubjectFilter } from "../cahier-de-textes/SubjectFilter";
import styles from "../cahier-de-textes/homework.module.css";
import { ChildSwitcher, selectedChild } from "../ChildSwitcher";
import { guarded } from "../guarded";
import { DueDays } from "./DueDays";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("homework"))("title") };
}

type Search = Promise<{ enfant?: string; vue?: string; jusqu?: string; matiere?: string }>;

/** Travail à faire: a pupil's homework by due day and their cahier de textes; a guardian's, child by child. */
export default async function HomeworkPage({ searchParams }: { searchParams: Search }) {
  const { ctx, api } = await serverCaller();
  const t = await getTranslations("homework");
  const scope = ctx.actor?.scope;
  const { enfant, vue, jusqu, matiere } = await searchParams;
  const isPupil = Boolean(scope?.roles.has("student"));
  const children = !isPupil && scope?.roles.has("guardian") ? await api.me.children() : [];
  const child = selectedChild(children, enfant);
  const studentId = isPupil ? scope?.personId : child?.id;

  if (!studentId) {
    return (
      <div className={ui.stack}>
        <h1>{t("title")}</h1>
        <p className={ui.card}>
          {t("noPupil")} <Link href="/cahier-de-textes">{t("logbookTitle")}</Link>
        </p>
      </div>
    );
  }

  const childQuery = child ? `enfant=${child.id}&` : "";
  const base = `/travail?${childQuery}`;
  const logbook = vue === "cahier";
  return (
    <div className={ui.stack}>
      <h1>{child ? t("childTitle", { name: child.firstName }) : t("title")}</h1>
      {children.length ? <ChildSwitcher items={children} selectedId={child?.id} basePath="/travail" /> : null}
      <nav aria-label={t("views.label")}>
        <ul className={styles.views}>
          <li>
            <Link href={`${base}vue=afaire`} className={styles.view} aria-current={logbook ? undefined : "page"}>
              {t("views.due")}
            </Link>
          </li>
          <li>
            <Link href={`${base}vue=cahier`} className={styles.view} aria-current={logbook ? "page" : undefined}>
              {t("views.logbook")}
            </Link>
          </li>
        </ul>
      </nav>
      {logbook ? (
        <PupilLogbook studentId={studentId} until={jusqu} subject={matiere} base={`${base}vue=cahier&`} />
      ) : (
        <PupilDue studentId={studentId} />
      )}
    </div>
  );
}

async function PupilDue({ studentId }: { studentId: string }) {
  const { api } = await serverCaller();
  const t = await getTranslations("homework");
  const { today, homework, canTick } = await guarded(() => api.homework.pupilHomework({ studentId }));
  const upcoming = homework.filter((h) => h.dueOn >= today);
  const past = homework.filter((h) => h.dueOn < today).reverse();
  return (
    <>
      {upcoming.length ? (
        <DueDays homework={upcoming} today={today} canTick={canTick} headingLevel={2} />
      ) : (
        <p className={ui.card}>{t("nothingDue")}</p>
      )}
      <details className={styles.past}>
        <summary>{t("pastWeek", { count: past.length })}</summary>
        {past.length ? <DueDays homework={past} today={today} canTick={canTick} headingLevel={3} /> : <p>{t("nothingPast")}</p>}
      </details>
    </>
  );
}

async function PupilLogbook({ studentId, until, subject, base }: { studentId: string; until?: string; subject?: string; base: string }) {
  const { api } = await serverCaller();
  const t = await getTranslations("homework");
  const logbook = await guarded(() =>
    api.homework.pupilLogbook({ studentId, until: /^\d{4}-\d{2}-\d{2}$/.test(until ?? "") ? until : undefined }),
  );
  const shown = ofSubject(logbook.entries, subject);
  const pageOf = (code: string | null) => `${base}${until ? `jusqu=${until}&` : ""}${code ? `matiere=${encodeURIComponent(code)}` : ""}`;
  return (
    <>
      <p className={ui.muted}>{t("logbook.range", { from: new Date(`${logbook.from}T12:00:00Z`), to: new Date(`${logbook.to}T12:00:00Z`) })}</p>
      <SubjectFilter entries={logbook.entries} selected={subject} pageOf={pageOf} />
      {shown.length ? <LogbookEntries entries={shown} groupBy="subject" /> : <p className={ui.card}>{t("logbook.empty")}</p>}
      <LogbookPager base={subject ? `${base}matiere=${encodeURIComponent(subject)}&` : base} range={logbook} />
    </>
  );
}
