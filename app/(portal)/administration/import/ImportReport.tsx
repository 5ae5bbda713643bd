"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import ui from "@/app/components/ui.module.css";
import type { Message } from "@/server/imports/messages";
import type { ServerApi } from "@/server/trpc/request-context";
import styles from "../admin.module.css";
import { reportMessage } from "./report-message";

type Report = Awaited<ReturnType<ServerApi["imports"]["preview"]>>;

/** The dry run's report: files read, what is created, every line's outcome, and who leaves. */
export function ImportReport({ report, onApply, applying }: { report: Report; onApply: () => void; applying: boolean }) {
  const t = useTranslations();
  const [onlyProblems, setOnlyProblems] = useState(true);
  const message = (m: Message) => reportMessage((key, values) => t(key as never, values as never), m);
  const kind = (k: string) => t(`imports.kinds.${k}` as never);
  const lines = report.lines.filter((line) => !onlyProblems || line.action === "error" || (report.errorCount === 0 && line.action !== "unchanged"));

  return (
    <section className={ui.stack} aria-labelledby="report-title">
      <h3 id="report-title">{t("imports.report")}</h3>
      {report.fileErrors.length ? (
        <ul className={ui.alert} role="alert">
          {report.fileErrors.map((f) => (
            <li key={f.kind}>
              {t("imports.fileError", { kind: f.file ? `${kind(f.kind)}, ${f.file}` : kind(f.kind), message: message(f.error) })}
            </li>
          ))}
        </ul>
      ) : (
        <>
          <ul>
            {report.files.map((f) => (
              <li key={f.kind}>
                {f.separator === null
                  ? t("imports.fileReadXml", { kind: kind(f.kind), rows: f.rows, encoding: f.encoding })
                  : t("imports.fileRead", { kind: kind(f.kind), rows: f.rows, encoding: f.encoding, separator: f.separator === "\t" ? "tab" : f.separator })}
                {f.leftOut ? ` ${t("imports.fileLeftOut", { kind: f.kind, count: f.leftOut })}` : null}
              </li>
            ))}
            {report.newClasses.length ? <li>{t("imports.newClasses", { names: report.newClasses.join(", ") })}</li> : null}
            {report.newGroups.length ? <li>{t("imports.newGroups", { names: report.newGroups.join(", ") })}</li> : null}
            {report.newSubjects.length ? <li>{t("imports.newSubjects", { names: report.newSubjects.join(", ") })}</li> : null}
          </ul>
          <p role="status" className={report.errorCount ? ui.alert : ui.success}>
            {report.errorCount ? t("imports.summaryErrors", { errors: report.errorCount }) : t("imports.summaryClean", { changes: report.changeCount })}
          </p>
          {report.errorCount === 0 && report.changeCount > 0 ? (
            <div>
              <button type="button" className={ui.button} onClick={onApply} disabled={applying}>
                {t("imports.apply")}
              </button>
            </div>
          ) : null}
          <label className={ui.checkbox}>
            <input type="checkbox" checked={onlyProblems} onChange={(e) => setOnlyProblems(e.target.checked)} />
            <span>{report.errorCount ? t("imports.onlyProblems") : t("imports.onlyChanges")}</span>
          </label>
          <div className={styles.tableWrap} role="region" tabIndex={0} aria-labelledby="report-title">
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col">{t("imports.columns.file")}</th>
                  <th scope="col">{t("imports.columns.line")}</th>
                  <th scope="col">{t("imports.columns.name")}</th>
                  <th scope="col">{t("imports.columns.login")}</th>
                  <th scope="col">{t("imports.columns.outcome")}</th>
                </tr>
              </thead>
              <tbody>
                {lines.map((line) => (
                  <tr key={`${line.kind}-${line.line}`} className={line.action === "error" ? styles.errorRow : undefined}>
                    <td>{kind(line.kind)}</td>
                    <th scope="row">{line.element ?? line.line}</th>
                    <td>{line.name}</td>
                    <td>{line.login}</td>
                    <td>
                      <strong>{t(`imports.actions.${line.action}`)}</strong>
                      <ul className={styles.messages}>
                        {[...line.errors, ...(line.action === "error" ? [] : line.changes)].map((m, index) => (
                          <li key={index}>{message(m)}</li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {report.leavers.length ? (
            <section className={ui.stack} aria-labelledby="leavers-title">
              <h4 id="leavers-title">{t("imports.leaversTitle")}</h4>
              <p>{t("imports.leaversIntro")}</p>
              <ul>
                {report.leavers.map((leaver) => (
                  <li key={`${leaver.kind}-${leaver.login}`}>
                    {t("imports.leaver", { name: leaver.name, login: leaver.login, kind: kind(leaver.kind), outcome: leaver.disable ? t("imports.leaverDisabled") : t("imports.leaverProfile") })}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      )}
    </section>
  );
}
