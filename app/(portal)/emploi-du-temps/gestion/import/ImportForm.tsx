"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { FormAlert } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import type { ServerApi } from "@/server/trpc/request-context";
import tables from "../../../notes/notes.module.css";
import styles from "../../timetable.module.css";

type Preview = Awaited<ReturnType<ServerApi["timetable"]["previewImport"]>>;
type Result = Awaited<ReturnType<ServerApi["timetable"]["applyImport"]>>;
type Message = { key: string; values?: Record<string, string | number> };

/** Reads the chosen file as UTF-8, refusing any other encoding instead of guessing it. */
async function readUtf8(file: File): Promise<string | null> {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return null;
  }
}

/**
 * The CSV import in two steps: a dry run lists every line with its errors, and only a file without any error can be
 * imported, all at once.
 */
export function ImportForm() {
  const t = useTranslations("timetable");
  const router = useRouter();
  const trpc = useTRPC();
  const preview = useMutation(trpc.timetable.previewImport.mutationOptions());
  const apply = useMutation(trpc.timetable.applyImport.mutationOptions());
  const [file, setFile] = useState<{ csv: string; replace: boolean } | null>(null);
  const [checked, setChecked] = useState<Preview | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [onlyErrors, setOnlyErrors] = useState(false);
  const message = (m: Message) => t(m.key as never, m.values as never);

  async function check(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const chosen = form.get("file");
    setError(null);
    setChecked(null);
    setResult(null);
    if (!(chosen instanceof File) || chosen.size === 0) return setError(t("import.chooseFile"));
    const csv = await readUtf8(chosen);
    if (csv === null) return setError(t("import.errors.notUtf8"));
    const replace = form.get("replace") === "on";
    try {
      setChecked(await preview.mutateAsync({ csv, replace }));
      setFile({ csv, replace });
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : t("manage.notSaved"));
    }
  }

  async function importFile() {
    if (!file) return;
    setError(null);
    try {
      setResult(await apply.mutateAsync(file));
      setChecked(null);
      router.refresh();
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : t("manage.notSaved"));
    }
  }

  const lines = checked?.lines.filter((line) => !onlyErrors || line.errors.length > 0) ?? [];
  return (
    <div className={ui.stack}>
      <form className={ui.stack} onSubmit={check} noValidate>
        <div className={ui.field}>
          <label className={ui.label} htmlFor="file">
            {t("import.file")}
          </label>
          <input className={ui.input} id="file" name="file" type="file" accept=".csv,text/csv" aria-describedby="file-hint" />
          <p className={ui.hint} id="file-hint">
            {t("import.fileHint")}
          </p>
        </div>
        <label className={ui.checkbox}>
          <input type="checkbox" name="replace" aria-describedby="replace-hint" />
          <span>{t("import.replace")}</span>
        </label>
        <p className={ui.hint} id="replace-hint">
          {t("import.replaceHint")}
        </p>
        <div className={styles.actions}>
          <button type="submit" className={`${ui.button} ${ui.secondary}`} disabled={preview.isPending}>
            {preview.isPending ? t("import.checking") : t("import.check")}
          </button>
        </div>
      </form>
      <FormAlert message={error} />
      {result ? (
        <p className={ui.success} role="status">
          {t("import.done", { ...result })}
        </p>
      ) : null}
      {checked ? (
        <section className={ui.stack} aria-labelledby="preview-title">
          <h3 id="preview-title">{t("import.preview")}</h3>
          {checked.fileError ? (
            <p className={ui.alert} role="alert">
              {message(checked.fileError)}
            </p>
          ) : (
            <>
              <p role="status" className={checked.errorCount ? ui.alert : ui.success}>
                {checked.errorCount
                  ? t("import.summaryErrors", { lines: checked.lines.length, errors: checked.errorCount })
                  : t("import.summaryClean", { lines: checked.lines.length, deleted: checked.deleted, ended: checked.ended, rooms: checked.newRooms.length })}
              </p>
              {checked.errorCount === 0 ? (
                <div className={styles.actions}>
                  <button type="button" className={ui.button} onClick={() => void importFile()} disabled={apply.isPending}>
                    {apply.isPending ? t("import.importing") : t("import.apply", { count: checked.lines.length })}
                  </button>
                </div>
              ) : (
                <label className={ui.checkbox}>
                  <input type="checkbox" checked={onlyErrors} onChange={(e) => setOnlyErrors(e.target.checked)} />
                  <span>{t("import.onlyErrors")}</span>
                </label>
              )}
              <div className={`${tables.tableWrap} ${styles.scrollBox}`} role="region" tabIndex={0} aria-labelledby="preview-title">
                <table className={tables.table}>
                  <thead>
                    <tr>
                      <th scope="col">{t("import.line")}</th>
                      <th scope="col">{t("fields.weekday")}</th>
                      <th scope="col">{t("fields.time")}</th>
                      <th scope="col">{t("fields.subject")}</th>
                      <th scope="col">{t("fields.teachers")}</th>
                      <th scope="col">{t("fields.audience")}</th>
                      <th scope="col">{t("fields.room")}</th>
                      <th scope="col">{t("fields.weeks")}</th>
                      <th scope="col">{t("import.outcome")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {lines.map(({ line, values, errors, notes }) => (
                      <tr key={line} className={errors.length ? styles.errorRow : undefined}>
                        <th scope="row">{line}</th>
                        <td>{values.jour}</td>
                        <td>
                          {values.debut}–{values.fin}
                        </td>
                        <td>{values.matiere}</td>
                        <td>{values.enseignants}</td>
                        <td>{values.classe || values.groupe}</td>
                        <td>{values.salle}</td>
                        <td>{values.semaine}</td>
                        <td>
                          {errors.length ? (
                            <ul className={styles.errorList}>
                              {errors.map((e, index) => (
                                <li key={index}>{message(e)}</li>
                              ))}
                            </ul>
                          ) : (
                            <>
                              {t("import.lineOk")}
                              {notes.map((n, index) => (
                                <span key={index} className={ui.hint}>
                                  {" "}
                                  {message(n)}
                                </span>
                              ))}
                            </>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </section>
      ) : null}
    </div>
  );
}
