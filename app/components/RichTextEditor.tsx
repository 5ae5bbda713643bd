"use client";

import { type Editor, EditorContent, useEditor, useEditorState } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useTranslations } from "next-intl";
import { useEffect, useId } from "react";
import { isSafeHref, type RichDoc } from "@/server/rich-text/rich-text";
import { EditorToolbar, LINK_TOOL } from "./EditorToolbar";
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

/** The marks of the small editor, all but the link shown pressed where the cursor is. */
const MARKS = ["bold", "italic", "underline", "bulletList", "orderedList", LINK_TOOL] as const;

function Toolbar({ editor }: { editor: Editor }) {
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => Object.fromEntries(MARKS.map((mark) => [mark, e.isActive(mark)])) as Record<(typeof MARKS)[number], boolean>,
  });
  const run = {
    bold: () => editor.chain().focus().toggleBold().run(),
    italic: () => editor.chain().focus().toggleItalic().run(),
    underline: () => editor.chain().focus().toggleUnderline().run(),
    bulletList: () => editor.chain().focus().toggleBulletList().run(),
    orderedList: () => editor.chain().focus().toggleOrderedList().run(),
  };
  const tools = MARKS.map((mark) => ({ name: mark, run: mark === LINK_TOOL ? undefined : run[mark], pressed: active?.[mark] }));
  return <EditorToolbar editor={editor} tools={tools} namespace="homework.editor" />;
}
