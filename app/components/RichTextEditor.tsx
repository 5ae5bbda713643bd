"use client";

import { type Editor, EditorContent, useEditor, useEditorState } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useTranslations } from "next-intl";
import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { isSafeHref, type RichDoc } from "@/server/rich-text/rich-text";
import styles from "./RichTextEditor.module.css";
import ui from "./ui.module.css";

interface Props {
  /** the id the editable area takes, for a <label htmlFor> or a heading that names it */
  labelId: string;
  initial: RichDoc | null;
  onChange: (doc: RichDoc) => void;
  error?: string;
  hint?: string;
}

/**
 * A small rich text editor (Tiptap's starter kit narrowed to what server/rich-text allows): bold, italic, underline,
 * lists and http(s) links, from a toolbar the keyboard reaches (Tab into it, arrows along it) or from the usual
 * shortcuts (Ctrl+B, Ctrl+I, Ctrl+U).
 */
export function RichTextEditor({ labelId, initial, onChange, error, hint }: Props) {
  const t = useTranslations("homework.editor");
  const hintId = useId();
  const errorId = useId();
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ");
  const attributes = {
    class: styles.editable,
    role: "textbox",
    "aria-multiline": "true",
    "aria-labelledby": labelId,
    ...(describedBy ? { "aria-describedby": describedBy } : {}),
    ...(error ? { "aria-invalid": "true" } : {}),
  };
  const editor = useEditor({
    immediatelyRender: false,
    extensions: [
      StarterKit.configure({
        blockquote: false,
        code: false,
        codeBlock: false,
        horizontalRule: false,
        strike: false,
        heading: { levels: [3, 4] },
        link: { openOnClick: false, autolink: true, defaultProtocol: "https", isAllowedUri: (url) => isSafeHref(url) },
      }),
    ],
    content: initial ?? undefined,
    editorProps: { attributes },
    onUpdate: ({ editor: changed }) => onChange(changed.getJSON() as RichDoc),
  });
  // The editor is made once: an error that comes or goes reaches its attributes here.
  const attributesKey = JSON.stringify(attributes);
  useEffect(() => {
    editor?.setOptions({ editorProps: { attributes: JSON.parse(attributesKey) as Record<string, string> } });
  }, [editor, attributesKey]);

  return (
    <div className={styles.editor}>
      {editor ? <Toolbar editor={editor} /> : null}
      <EditorContent editor={editor} />
      {hint ? (
        <p className={ui.hint} id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className={ui.fieldError} id={errorId}>
          {error}
        </p>
      ) : null}
      {editor ? null : <p className={ui.muted}>{t("loading")}</p>}
    </div>
  );
}

const MARKS = ["bold", "italic", "underline", "bulletList", "orderedList", "link"] as const;
type Tool = (typeof MARKS)[number];

function Toolbar({ editor }: { editor: Editor }) {
  const t = useTranslations("homework.editor");
  const [focused, setFocused] = useState(0);
  const [linking, setLinking] = useState(false);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => Object.fromEntries(MARKS.map((mark) => [mark, e.isActive(mark)])) as Record<Tool, boolean>,
  });

  const run: Record<Tool, () => void> = {
    bold: () => editor.chain().focus().toggleBold().run(),
    italic: () => editor.chain().focus().toggleItalic().run(),
    underline: () => editor.chain().focus().toggleUnderline().run(),
    bulletList: () => editor.chain().focus().toggleBulletList().run(),
    orderedList: () => editor.chain().focus().toggleOrderedList().run(),
    link: () => setLinking((open) => !open),
  };

  /** Arrows, Home and End move along the toolbar; Tab leaves it (one stop in the tab order). */
  function move(event: KeyboardEvent<HTMLDivElement>) {
    const last = MARKS.length - 1;
    const next = { ArrowRight: focused + 1, ArrowLeft: focused - 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const index = (next + MARKS.length) % MARKS.length;
    setFocused(index);
    buttons.current[index]?.focus();
  }

  return (
    <>
      <div role="toolbar" aria-label={t("toolbar")} className={styles.toolbar} onKeyDown={move}>
        {MARKS.map((mark, index) => (
          <button
            key={mark}
            ref={(element) => {
              buttons.current[index] = element;
            }}
            type="button"
            className={styles.tool}
            tabIndex={index === focused ? 0 : -1}
            aria-pressed={mark === "link" ? linking || active?.link : active?.[mark]}
            aria-label={t(`tools.${mark}`)}
            title={t(`tools.${mark}`)}
            onFocus={() => setFocused(index)}
            onClick={run[mark]}
          >
            <span aria-hidden="true" className={styles[`icon_${mark}`]}>
              {t(`icons.${mark}`)}
            </span>
          </button>
        ))}
      </div>
      {linking ? <LinkForm editor={editor} onDone={() => setLinking(false)} /> : null}
    </>
  );
}

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
