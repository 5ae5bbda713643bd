"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 5;

export interface Attached {
  id: string;
  name: string;
}

/** The file's bytes in base64, for the procedure; the server checks size and type again, from the bytes. */
async function base64Of(file: File): Promise<string> {
  const url = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
  return url.slice(url.indexOf(",") + 1);
}

/** Picks files and uploads each to the shared file store at once; the message then refers to them by id. */
export function Attachments({ files, onChange }: { files: Attached[]; onChange: (files: Attached[]) => void }) {
  const t = useTranslations("messaging.attachments");
  const trpc = useTRPC();
  const upload = useMutation(trpc.messaging.upload.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  async function add(list: FileList | null) {
    setError(null);
    const added: Attached[] = [];
    for (const file of Array.from(list ?? [])) {
      if (files.length + added.length >= MAX_ATTACHMENTS) return setError(t("tooMany", { max: MAX_ATTACHMENTS }));
      if (file.size > MAX_ATTACHMENT_BYTES) return setError(t("tooLarge", { name: file.name }));
      try {
        added.push(await upload.mutateAsync({ name: file.name, content: await base64Of(file) }));
      } catch (cause) {
        setError(cause instanceof Error ? cause.message : t("failed"));
      }
    }
    onChange([...files, ...added]);
  }

  return (
    <div className={ui.field}>
      <label className={ui.label} htmlFor={id}>
        {t("add")}
      </label>
      <input className={ui.input} id={id} type="file" multiple onChange={(e) => void add(e.currentTarget.files)} aria-describedby={`${id}-hint`} />
      <p className={ui.hint} id={`${id}-hint`}>
        {upload.isPending ? t("uploading") : t("hint", { max: MAX_ATTACHMENTS })}
      </p>
      {error ? (
        <p className={ui.fieldError} role="alert">
          {error}
        </p>
      ) : null}
      {files.length ? (
        <ul className={ui.chips}>
          {files.map((f) => (
            <li key={f.id} className={ui.chip}>
              {f.name}{" "}
              <button type="button" className={ui.secondary} onClick={() => onChange(files.filter((x) => x.id !== f.id))}>
                {t("remove")}
                <span className="visually-hidden"> {f.name}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
