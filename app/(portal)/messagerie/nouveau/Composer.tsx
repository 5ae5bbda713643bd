"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useDeferredValue, useState } from "react";
import { FormAlert, useFormErrors } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import { type Attached, Attachments } from "../Attachments";
import styles from "../messaging.module.css";

type Inbox = "direction" | "vie_scolaire";
interface List {
  key: string;
  kind: "guardians" | "pupils" | "team";
  className: string;
}
interface Person {
  id: string;
  firstName: string;
  lastName: string;
  roles: string[];
}

/**
 * Writes a new message. Recipients are a shared inbox alone, or people and lists: the picker lists only whom the
 * communication rules allow (searched by name on the server, a page at a time).
 */
export function Composer({ inboxes, lists, initialInbox }: { inboxes: Inbox[]; lists: List[]; initialInbox: Inbox | null }) {
  const t = useTranslations("messaging");
  const tAll = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const [inbox, setInbox] = useState<Inbox | null>(initialInbox);
  const [people, setPeople] = useState<Person[]>([]);
  const [listKeys, setListKeys] = useState<string[]>([]);
  const [files, setFiles] = useState<Attached[]>([]);
  const [query, setQuery] = useState("");
  const [page, setPage] = useState(0);
  const deferred = useDeferredValue(query);
  const found = useQuery({ ...trpc.messaging.recipients.queryOptions({ query: deferred, page }), enabled: inbox === null });
  const start = useMutation(trpc.messaging.start.mutationOptions());
  const { fieldErrors, error, reset, showFailure, setFieldErrors } = useFormErrors<"subject" | "body" | "to">();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset();
    if (!inbox && people.length === 0 && listKeys.length === 0) return setFieldErrors({ to: t("chooseRecipient") });
    const form = new FormData(event.currentTarget);
    try {
      const { conversationId } = await start.mutateAsync({
        subject: String(form.get("subject") ?? ""),
        body: String(form.get("body") ?? ""),
        to: { inbox, personIds: inbox ? [] : people.map((p) => p.id), listKeys: inbox ? [] : listKeys },
        fileIds: files.map((f) => f.id),
      });
      router.push(`/messagerie/${conversationId}`);
    } catch (cause) {
      showFailure(cause, tAll("errors.internal"));
    }
  }

  return (
    <form className={`${ui.card} ${ui.stack}`} onSubmit={submit} noValidate>
      <FormAlert message={error} />
      <fieldset className={styles.fieldset} aria-describedby={fieldErrors.to ? "to-error" : undefined}>
        <legend>{t("to")}</legend>
        {inboxes.length ? (
          <div className={styles.options}>
            {inboxes.map((i) => (
              <label key={i} className={ui.checkbox}>
                <input type="radio" name="inbox" checked={inbox === i} onChange={() => setInbox(i)} /> {t(`inboxes.${i}`)}
              </label>
            ))}
            <label className={ui.checkbox}>
              <input type="radio" name="inbox" checked={inbox === null} onChange={() => setInbox(null)} /> {t("toPeople")}
            </label>
          </div>
        ) : null}
        {inbox === null ? (
          <>
            {people.length ? (
              <ul className={ui.chips} aria-label={t("chosen")}>
                {people.map((p) => (
                  <li key={p.id} className={ui.chip}>
                    {p.firstName} {p.lastName}{" "}
                    <button type="button" className={ui.secondary} onClick={() => setPeople(people.filter((x) => x.id !== p.id))}>
                      {t("removeRecipient")}
                      <span className="visually-hidden">
                        {" "}
                        {p.firstName} {p.lastName}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
            <div className={ui.field}>
              <label className={ui.label} htmlFor="recipient-search">
                {t("findPerson")}
              </label>
              <input
                className={ui.input}
                id="recipient-search"
                type="search"
                value={query}
                maxLength={100}
                onChange={(e) => {
                  setQuery(e.currentTarget.value);
                  setPage(0);
                }}
              />
            </div>
            <ul className={styles.picker} aria-label={t("suggestions")}>
              {(found.data?.people ?? [])
                .filter((p) => !people.some((x) => x.id === p.id))
                .map((p) => (
                  <li key={p.id}>
                    <span>
                      {p.firstName} {p.lastName} <span className={ui.muted}>· {p.roles.map((r) => tAll(`roles.${r as "student"}`)).join(", ")}</span>
                    </span>
                    <button type="button" className={`${ui.button} ${ui.secondary}`} onClick={() => setPeople([...people, p])}>
                      {t("addRecipient")}
                      <span className="visually-hidden">
                        {" "}
                        {p.firstName} {p.lastName}
                      </span>
                    </button>
                  </li>
                ))}
            </ul>
            <p className={styles.tabs}>
              {page > 0 ? (
                <button type="button" className={ui.secondary} onClick={() => setPage(page - 1)}>
                  {t("previous")}
                </button>
              ) : null}
              {found.data?.hasMore ? (
                <button type="button" className={ui.secondary} onClick={() => setPage(page + 1)}>
                  {t("next")}
                </button>
              ) : null}
            </p>
            {lists.length ? (
              <div className={ui.field}>
                <label className={ui.label} htmlFor="lists">
                  {t("lists")}
                </label>
                <select
                  className={ui.input}
                  id="lists"
                  multiple
                  size={Math.min(8, lists.length)}
                  value={listKeys}
                  onChange={(e) => setListKeys(Array.from(e.currentTarget.selectedOptions, (o) => o.value))}
                  aria-describedby="lists-hint"
                >
                  {lists.map((l) => (
                    <option key={l.key} value={l.key}>
                      {t(`listKinds.${l.kind}`, { className: l.className })}
                    </option>
                  ))}
                </select>
                <p className={ui.hint} id="lists-hint">
                  {t("listsHint")}
                </p>
              </div>
            ) : null}
          </>
        ) : null}
        {fieldErrors.to ? (
          <p className={ui.fieldError} id="to-error">
            {fieldErrors.to}
          </p>
        ) : null}
      </fieldset>
      <div className={ui.field}>
        <label className={ui.label} htmlFor="subject">
          {t("subject")}
        </label>
        <input className={ui.input} id="subject" name="subject" required maxLength={200} aria-invalid={fieldErrors.subject ? true : undefined} />
        {fieldErrors.subject ? <p className={ui.fieldError}>{fieldErrors.subject}</p> : null}
      </div>
      <div className={ui.field}>
        <label className={ui.label} htmlFor="body">
          {t("body")}
        </label>
        <textarea className={ui.input} id="body" name="body" rows={8} required maxLength={10_000} aria-invalid={fieldErrors.body ? true : undefined} />
        {fieldErrors.body ? <p className={ui.fieldError}>{fieldErrors.body}</p> : null}
      </div>
      <Attachments files={files} onChange={setFiles} />
      <p>
        <button className={ui.button} type="submit" disabled={start.isPending}>
          {t("send")}
        </button>
      </p>
    </form>
  );
}
