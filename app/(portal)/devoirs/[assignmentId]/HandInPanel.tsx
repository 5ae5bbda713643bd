"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { FileUploadForm } from "@/app/components/FileUploadForm";
import { FormAlert, useFormErrors } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import styles from "../../espaces/spaces.module.css";
import { FileLinks } from "./FileLinks";

interface HandIn {
  status: "draft" | "handedIn" | "returned";
  handedInAt: string | null;
  late: boolean;
  documentId: string | null;
  /** The space the document is kept in, for its address. */
  documentSpaceId: string | null;
  files: { storedFileId: string; name: string }[];
  /** The corrected copies returned with the work. */
  corrections: { storedFileId: string; name: string }[];
  comment: string;
  mark: number | null;
  markOutOf: number | null;
}

interface Props {
  assignmentId: string;
  beforeDue: boolean;
  /** The assignment's space is archived: the work is only read. */
  closed: boolean;
  handIn: HandIn | null;
}

/**
 * The pupil's (or team's) own hand-in: add files or write a co-edited document, hand it in, take it back before the
 * due time, and read what the teacher returned.
 */
export function HandInPanel({ assignmentId, beforeDue, closed, handIn }: Props) {
  const t = useTranslations("handIns.work");
  const tAll = useTranslations();
  const router = useRouter();
  const trpc = useTRPC();
  const attach = useMutation(trpc.handIns.attachFile.mutationOptions());
  const detach = useMutation(trpc.handIns.detachFile.mutationOptions());
  const openDocument = useMutation(trpc.handIns.openDocument.mutationOptions());
  const submitWork = useMutation(trpc.handIns.submit.mutationOptions());
  const takeBack = useMutation(trpc.handIns.takeBack.mutationOptions());
  const { error, reset, showFailure } = useFormErrors();
  /** Work the pupils may still change. */
  const draft = (!handIn || handIn.status === "draft") && !closed;

  const run = async (action: () => Promise<unknown>) => {
    reset();
    try {
      await action();
      router.refresh();
    } catch (cause) {
      showFailure(cause, tAll("errors.internal"));
    }
  };

  async function writeDocument() {
    reset();
    try {
      const { documentId, spaceId } = await openDocument.mutateAsync({ assignmentId });
      router.push(`/espaces/${spaceId}/documents/${documentId}`);
    } catch (cause) {
      showFailure(cause, tAll("errors.internal"));
    }
  }

  return (
    <section className={`${ui.card} ${ui.stack}`} aria-labelledby="my-work">
      <h2 id="my-work">{t("title")}</h2>
      <FormAlert message={error} />
      <p role="status">
        {handIn?.status === "returned"
          ? t("returned")
          : handIn?.status === "handedIn"
            ? t(handIn.late ? "handedInLate" : "handedIn", { when: handIn.handedInAt ?? "" })
            : t("notYet")}
      </p>
      {handIn?.status === "returned" ? (
        <div className={ui.success}>
          {handIn.mark !== null ? <p>{t("mark", { mark: handIn.mark, outOf: handIn.markOutOf ?? 20 })}</p> : null}
          <p>{handIn.comment || t("noComment")}</p>
          {handIn.corrections.length ? <FileLinks title={t("corrections")} files={handIn.corrections} /> : null}
        </div>
      ) : null}
      {handIn?.files.length ? (
        <ul className={styles.list}>
          {handIn.files.map((file) => (
            <li key={file.storedFileId} className={styles.item}>
              <a href={`/api/fichiers/${file.storedFileId}`} download>
                {file.name}
              </a>
              {draft ? (
                <button
                  type="button"
                  className={`${ui.button} ${ui.secondary}`}
                  onClick={() => run(() => detach.mutateAsync({ assignmentId, storedFileId: file.storedFileId }))}
                >
                  {t("removeFile")}
                  <span className="visually-hidden"> — {file.name}</span>
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {handIn?.documentId && !draft ? (
        <p>
          <a href={`/espaces/${handIn.documentSpaceId}/documents/${handIn.documentId}`}>{t("openDocument")}</a>
        </p>
      ) : null}
      {draft ? (
        <>
          <FileUploadForm label={t("addFile")} send={(file) => attach.mutateAsync({ assignmentId, file })} />
          <div className={styles.actions}>
            <button className={`${ui.button} ${ui.secondary}`} type="button" onClick={writeDocument} disabled={openDocument.isPending}>
              {handIn?.documentId ? t("openDocument") : t("writeDocument")}
            </button>
            <button className={ui.button} type="button" onClick={() => run(() => submitWork.mutateAsync({ assignmentId }))} disabled={submitWork.isPending}>
              {t("handIn")}
            </button>
          </div>
        </>
      ) : null}
      {handIn?.status === "handedIn" && beforeDue && !closed ? (
        <div>
          <button className={`${ui.button} ${ui.secondary}`} type="button" onClick={() => run(() => takeBack.mutateAsync({ assignmentId }))}>
            {t("takeBack")}
          </button>
        </div>
      ) : null}
    </section>
  );
}
