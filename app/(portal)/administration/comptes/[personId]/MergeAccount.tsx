"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { FormAlert, useFormErrors } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPCClient } from "@/app/trpc/client";
import type { ServerApi } from "@/server/trpc/request-context";
import styles from "../../admin.module.css";

type Found = Awaited<ReturnType<ServerApi["admin"]["accounts"]>>["accounts"][number];
type Preview = Awaited<ReturnType<ServerApi["admin"]["mergePreview"]>>;
type Account = Preview["survivor"];

/**
 * Merging a duplicate account of this person (a guardian imported twice): find the other account, choose which one
 * stays, see what would move from the other, then confirm. The other account is removed.
 */
export function MergeAccount({ person }: { person: { id: string; login: string; firstName: string; lastName: string } }) {
  const t = useTranslations("admin.merge");
  const tr = useTranslations();
  const client = useTRPCClient();
  const router = useRouter();
  const { error, setError, reset, showFailure } = useFormErrors<never>();
  const [found, setFound] = useState<Found[] | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState(false);

  async function attempt(action: () => Promise<void>) {
    reset();
    setBusy(true);
    try {
      await action();
    } catch (cause) {
      showFailure(cause, t("failed"));
    } finally {
      setBusy(false);
    }
  }

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const query = String(new FormData(event.currentTarget).get("mergeQuery") ?? "").trim();
    setPreview(null);
    void attempt(async () => {
      const { accounts } = await client.admin.accounts.query({ query: query || `${person.lastName} ${person.firstName}` });
      setFound(accounts.filter((a) => a.id !== person.id));
    });
  }

  function choose(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const other = String(form.get("other") ?? "");
    if (!other) return setError(t("chooseOther"));
    const keepThis = form.get("survivor") === "this";
    void attempt(async () => {
      setPreview(await client.admin.mergePreview.query({ survivorId: keepThis ? person.id : other, duplicateId: keepThis ? other : person.id }));
    });
  }

  const confirm = () =>
    void attempt(async () => {
      if (!preview) return;
      await client.admin.mergeAccounts.mutate({ survivorId: preview.survivor.id, duplicateId: preview.duplicate.id });
      router.push(`/administration/comptes/${preview.survivor.id}?merged=1`);
      router.refresh();
    });

  const describe = (account: Account) =>
    `${account.lastName} ${account.firstName} (${account.login}) — ${tr(`admin.statuses.${account.status}`)}, ${account.roles.map((r) => tr(`roles.${r}`)).join(", ") || "—"}`;
  const tableLabel = (table: string) => (t.has(`tables.${table}`) ? t(`tables.${table}` as never) : table.replaceAll("_", " "));

  return (
    <section className={`${ui.card} ${ui.stack}`} aria-labelledby="merge-title">
      <h2 id="merge-title">{t("title")}</h2>
      <p className={ui.hint}>{t("intro")}</p>
      <form className={styles.row} onSubmit={search} role="search">
        <div className={ui.field}>
          <label className={ui.label} htmlFor="mergeQuery">
            {t("search")}
          </label>
          <input className={ui.input} id="mergeQuery" name="mergeQuery" type="search" defaultValue={`${person.lastName} ${person.firstName}`} />
        </div>
        <div>
          <button type="submit" className={`${ui.button} ${ui.secondary}`} disabled={busy}>
            {t("find")}
          </button>
        </div>
      </form>
      {found ? (
        found.length === 0 ? (
          <p role="status">{t("noneFound")}</p>
        ) : (
          <form className={ui.stack} onSubmit={choose}>
            <fieldset className={ui.stack}>
              <legend className={ui.label}>{t("other")}</legend>
              {found.map((account) => (
                <label key={account.id} className={ui.checkbox}>
                  <input type="radio" name="other" value={account.id} />
                  <span>
                    {account.lastName} {account.firstName} ({account.login}) — {account.roles.map((r) => tr(`roles.${r}`)).join(", ")}
                  </span>
                </label>
              ))}
            </fieldset>
            <fieldset className={ui.stack}>
              <legend className={ui.label}>{t("survivor")}</legend>
              <label className={ui.checkbox}>
                <input type="radio" name="survivor" value="this" defaultChecked />
                <span>{t("keepThis", { login: person.login })}</span>
              </label>
              <label className={ui.checkbox}>
                <input type="radio" name="survivor" value="other" />
                <span>{t("keepOther")}</span>
              </label>
            </fieldset>
            <div>
              <button type="submit" className={`${ui.button} ${ui.secondary}`} disabled={busy}>
                {t("preview")}
              </button>
            </div>
          </form>
        )
      ) : null}
      <FormAlert message={error} />
      {preview ? (
        <div className={ui.stack} aria-labelledby="merge-preview-title" role="region">
          <h3 id="merge-preview-title">{t("previewTitle")}</h3>
          <dl>
            <div>
              <dt className={ui.label}>{t("kept")}</dt>
              <dd>{describe(preview.survivor)}</dd>
            </div>
            <div>
              <dt className={ui.label}>{t("removed")}</dt>
              <dd>{describe(preview.duplicate)}</dd>
            </div>
          </dl>
          {preview.moves.length ? (
            <ul>
              {rowsByTable(preview.moves).map(([table, rows]) => (
                <li key={table}>{t("move", { what: tableLabel(table), rows })}</li>
              ))}
            </ul>
          ) : (
            <p>{t("nothingMoves")}</p>
          )}
          <p className={ui.hint}>{t("confirmHint")}</p>
          <div>
            <button type="button" className={ui.button} onClick={confirm} disabled={busy}>
              {t("confirm")}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}

/** What moves, one line a table: a table that names the person twice (a link between two people) counts once. */
function rowsByTable(moves: { table: string; rows: number }[]): [string, number][] {
  const rows = new Map<string, number>();
  for (const move of moves) rows.set(move.table, (rows.get(move.table) ?? 0) + move.rows);
  return [...rows];
}
