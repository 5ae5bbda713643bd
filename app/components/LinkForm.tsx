"use client";

import type { Editor } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { isSafeHref } from "@/server/rich-text/rich-text";
import styles from "./RichTextEditor.module.css";
import ui from "./ui.module.css";

/** The address of a link on the selected text: http or https only, as the server accepts. */
export function LinkForm({ editor, onDone }: { editor: Editor; onDone: () => void }) {
  const t = useTranslations("homework.editor");
  const inputId = useId();
  const errorId = useId();
  const current = editor.getAttributes("link").href as string | undefined;
  const [href, setHref] = useState(current ?? "https://");
  const [invalid, setInvalid] = useState(false);

  function apply() {
    const address = href.trim();
    if (!isSafeHref(address)) {
      setInvalid(true);
      return;
    }
    const chain = editor.chain().focus().extendMarkRange("link");
    if (editor.state.selection.empty && !current) chain.insertContent({ type: "text", text: address, marks: [{ type: "link", attrs: { href: address } }] }).run();
    else chain.setLink({ href: address }).run();
    onDone();
  }

  function remove() {
    editor.chain().focus().extendMarkRange("link").unsetLink().run();
    onDone();
  }

  return (
    <div className={styles.linkForm}>
      <label className={ui.label} htmlFor={inputId}>
        {t("linkAddress")}
      </label>
      <input
        id={inputId}
        className={ui.input}
        type="url"
        value={href}
        autoFocus
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId : undefined}
        onChange={(event) => {
          setHref(event.target.value);
          setInvalid(false);
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            apply();
          } else if (event.key === "Escape") {
            event.preventDefault();
            onDone();
            editor.commands.focus();
          }
        }}
      />
      {invalid ? (
        <p className={ui.fieldError} id={errorId}>
          {t("linkInvalid")}
        </p>
      ) : null}
      <div className={styles.linkActions}>
        <button type="button" className={ui.button} onClick={apply}>
          {t("linkApply")}
        </button>
        {current ? (
          <button type="button" className={`${ui.button} ${ui.secondary}`} onClick={remove}>
            {t("linkRemove")}
          </button>
        ) : null}
        <button type="button" className={`${ui.button} ${ui.secondary}`} onClick={onDone}>
          {t("linkCancel")}
        </button>
      </div>
    </div>
  );
}
