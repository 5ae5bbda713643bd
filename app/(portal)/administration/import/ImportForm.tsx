"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { FormAlert } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPCClient } from "@/app/trpc/client";
import { MAX_UPLOAD_BYTES, MAX_XML_BYTES } from "@/server/imports/limits";
import type { ServerApi } from "@/server/trpc/request-context";
import styles from "../admin.module.css";
import { ImportReport } from "./ImportReport";

type Report = Awaited<ReturnType<ServerApi["imports"]["preview"]>>;
type Files = Partial<Record<Kind, string>>;
const KINDS = ["pupils", "guardians", "teachers", "staff"] as const;
/** The CSV files (SIECLE's XML exports for pupils and guardians), and beside them the OneRoster package that replaces them. */
const UPLOADS = [...KINDS, "oneRoster"] as const;
type Kind = (typeof UPLOADS)[number];
const CSV = ".csv,text/csv,text/plain";
/** SIECLE exports pupils and their guardians as XML too; teachers and staff come from CSV files only. */
const ACCEPTS: Record<(typeof KINDS)[number], string> = {
  pupils: `${CSV},.xml,text/xml,application/xml`,
  guardians: `${CSV},.xml,text/xml,application/xml`,
  teachers: CSV,
  staff: CSV,
};

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * The import in two steps: the dry run lists every line with what it would do or why it cannot, and only a clean
 * report can be applied, all at once, its progress shown as it goes.
 */
export function ImportForm({ years, currentYearId }: { years: { id: string; label: string }[]; currentYearId: string }) {
  const t = useTranslations("imports");
  const client = useTRPCClient();
  const router = useRouter();
  const [checked, setChecked] = useState<{ report: Report; files: Files; schoolYearId: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<"checking" | "applying" | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function check(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    setChecked(null);
    setDone(null);
    const files: Files = {};
    for (const kind of UPLOADS) {
      const file = form.get(kind);
      if (!(file instanceof File) || file.size === 0) continue;
      if (file.size > MAX_UPLOAD_BYTES) return setError(t("errors.tooLarge", { max: MAX_XML_BYTES / 1024 / 1024 }));
      files[kind] = await base64Of(file);
    }
    if (Object.keys(files).length === 0) return setError(t("chooseFile"));
    const schoolYearId = String(form.get("schoolYear"));
    setBusy("checking");
    try {
      setChecked({ report: await client.imports.preview.mutate({ schoolYearId, files }), files, schoolYearId });
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setBusy(null);
    }
  }

  async function apply() {
    if (!checked) return;
    setBusy("applying");
    setError(null);
    setProgress({ done: 0, total: 1 });
    try {
      for await (const step of await client.imports.run.mutate({ schoolYearId: checked.schoolYearId, files: checked.files })) {
        if (step.type === "progress") setProgress({ done: step.done, total: step.total });
        else if (step.type === "failed") setError(step.message);
        else {
          setDone(t("done", step));
          setChecked(null);
          router.refresh();
        }
      }
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setBusy(null);
      setProgress(null);
    }
  }

  return (
    <div className={ui.stack}>
      <form className={ui.stack} onSubmit={check} noValidate>
        <div className={ui.field}>
          <label className={ui.label} htmlFor="schoolYear">
            {t("schoolYear")}
          </label>
          <select className={ui.input} id="schoolYear" name="schoolYear" defaultValue={currentYearId}>
            {years.map((year) => (
              <option key={year.id} value={year.id}>
                {year.label}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.files}>
          {KINDS.map((kind) => (
            <div className={ui.field} key={kind}>
              <label className={ui.label} htmlFor={kind}>
                {t(`kinds.${kind}`)}
              </label>
              <input className={ui.input} id={kind} name={kind} type="file" accept={ACCEPTS[kind]} aria-describedby="files-hint" />
            </div>
          ))}
        </div>
        <p className={ui.hint} id="files-hint">
          {t("fileHint")}
        </p>
        <div className={ui.field}>
          <label className={ui.label} htmlFor="oneRoster">
            {t("kinds.oneRoster")}
          </label>
          <input className={ui.input} id="oneRoster" name="oneRoster" type="file" accept=".zip,application/zip" aria-describedby="oneroster-hint" />
          <p className={ui.hint} id="oneroster-hint">
            {t("oneRosterHint")}
          </p>
        </div>
        <div>
          <button type="submit" className={`${ui.button} ${ui.secondary}`} disabled={busy !== null}>
            {busy === "checking" ? t("checking") : t("check")}
          </button>
        </div>
      </form>
      <FormAlert message={error} />
      {done ? (
        <p className={ui.success} role="status">
          {done} <Link href="/administration/lettres">{t("toLetters")}</Link>
        </p>
      ) : null}
      {progress ? (
        <div className={ui.stack} role="status">
          <label htmlFor="import-progress">{t("applying", progress)}</label>
          <progress id="import-progress" max={progress.total} value={progress.done} />
        </div>
      ) : null}
      {checked ? <ImportReport report={checked.report} onApply={apply} applying={busy === "applying"} /> : null}
    </div>
  );
}
