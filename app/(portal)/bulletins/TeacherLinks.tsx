import Link from "next/link";
import { getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { serverCaller } from "@/server/trpc/request-context";
import portal from "../portal.module.css";

/** A teacher's way into bulletins: the appréciations of each of their services, and their classes' conseils. */
export async function TeacherLinks() {
  const { api } = await serverCaller();
  const t = await getTranslations("reportCards.teacher");
  const assignments = await api.grades.myAssignments();
  const led = assignments.filter((a) => a.isLeadTeacher && a.classId);
  return (
    <div className={portal.grid}>
      <section className={ui.card} aria-labelledby="my-appreciations">
        <h2 id="my-appreciations">{t("myAppreciations")}</h2>
        <ul className={portal.list}>
          {assignments.map((a) => (
            <li key={a.id} className={portal.listItem}>
              <Link href={`/bulletins/appreciations/${a.id}`}>
                {t("appreciationsOf", { subject: a.subject, target: a.className ?? a.groupName ?? "" })}
              </Link>
            </li>
          ))}
        </ul>
      </section>
      {led.length > 0 ? (
        <section className={ui.card} aria-labelledby="my-councils">
          <h2 id="my-councils">{t("myCouncils")}</h2>
          <ul className={portal.list}>
            {led.map((a) => (
              <li key={a.id} className={portal.listItem}>
                <Link href={`/bulletins/classe/${a.classId}`}>{t("councilOf", { className: a.className ?? "" })}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
