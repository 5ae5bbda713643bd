"use client";

import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import Image from "@tiptap/extension-image";
import { TableKit } from "@tiptap/extension-table";
import { type Editor, EditorContent, useEditor, useEditorState } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useTranslations } from "next-intl";
import { type ChangeEvent, useEffect, useId, useRef, useState } from "react";
import { isSafeHref } from "@/server/rich-text/rich-text";
import styles from "./CollaborativeEditor.module.css";
import { EditorToolbar, LINK_TOOL } from "./EditorToolbar";
import toolbarStyles from "./RichTextEditor.module.css";
import ui from "./ui.module.css";
import { type Collaboration as Session, type ConnectionStatus, useCollaboration } from "./useCollaboration";

export interface Writer {
  personId: string;
  name: string;
}

interface Props {
  documentId: string;
  /** the id of the heading that names the document, for the editable area's label */
  labelId: string;
  me: Writer;
  readOnly: boolean;
  /** Where images are posted (the space's files), answering the address that shows them; without it, no image button. */
  imageUploadUrl?: string;
}

/** Posts an image as multipart form data (field "file"); the answer names the address that shows it. */
async function uploadTo(url: string, file: File): Promise<string> {
  const body = new FormData();
  body.append("file", file);
  const response = await fetch(url, { method: "POST", body });
  if (!response.ok) throw new Error(`Image refused (${response.status})`);
  return ((await response.json()) as { url: string }).url;
}

/** Colours dark enough for white text (WCAG AA), one per writer, always the same for the same person. */
const COLOURS = ["#1d4ed8", "#b91c1c", "#047857", "#7c3aed", "#a21caf", "#9a3412", "#0e7490", "#4d7c0f"];
export function colourOf(personId: string): string {
  let hash = 0;
  for (const character of personId) hash = (hash * 31 + character.charCodeAt(0)) >>> 0;
  return COLOURS[hash % COLOURS.length];
}

/**
 * A co-edited document: Tiptap with the Collaboration extension on the document's Yjs state and Collaboration Caret
 * showing where the others are, under their name and colour; a connection status; read-only when the ticket is.
 */
export function CollaborativeEditor(props: Props) {
  const t = useTranslations("documents");
  const { collaboration, status, access } = useCollaboration(props.documentId, props.me.personId);
  if (!collaboration) return <p className={ui.muted}>{t("loading")}</p>;
  // The page said what the person may do when it loaded; the latest ticket says what they may do now.
  const readOnly = props.readOnly || access === "read" || status === "denied";
  return <LiveEditor {...props} readOnly={readOnly} session={collaboration} status={status} />;
}

function LiveEditor({ labelId, me, readOnly, imageUploadUrl, session, status }: Props & { session: Session; status: ConnectionStatus }) {
  const t = useTranslations("documents");
  const uploadImage = imageUploadUrl ? (file: File) => uploadTo(imageUploadUrl, file) : undefined;
  const editor = useEditor({
    immediatelyRender: false,
    editable: !readOnly,
    extensions: [
      StarterKit.configure({
        undoRedo: false,
        heading: { levels: [1, 2, 3] },
        link: { openOnClick: false, autolink: true, defaultProtocol: "https", isAllowedUri: (url) => isSafeHref(url) },
      }),
      TableKit.configure({ table: { resizable: false } }),
      Image.configure({ inline: false }),
      Collaboration.configure({ document: session.doc }),
      CollaborationCaret.configure({ provider: session.provider, user: { name: me.name, color: colourOf(me.personId) } }),
    ],
    editorProps: {
      attributes: {
        class: `${toolbarStyles.editable} ${styles.document}`,
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelId,
        ...(readOnly ? { "aria-readonly": "true" } : {}),
      },
    },
  });
  useEffect(() => {
    editor?.setEditable(!readOnly);
  }, [editor, readOnly]);

  return (
    <div className={toolbarStyles.editor}>
      <div className={styles.header}>
        <p className={styles.status} data-status={status} role="status">
          {readOnly && status !== "denied" ? `${t(`status.${status}`)} · ${t("status.readOnly")}` : t(`status.${status}`)}
        </p>
        <Presence session={session} />
      </div>
      {editor && !readOnly ? <Toolbar editor={editor} uploadImage={uploadImage} /> : null}
      <EditorContent editor={editor} />
    </div>
  );
}

/** Who else has the document open, from the awareness states the collaboration server relays. */
function Presence({ session }: { session: Session }) {
  const t = useTranslations("documents");
  const [others, setOthers] = useState<{ id: number; name: string; color: string }[]>([]);
  useEffect(() => {
    const awareness = session.provider.awareness;
    const refresh = () => {
      const seen = new Map<string, { id: number; name: string; color: string }>();
      for (const [id, state] of awareness.getStates()) {
        const user = state.user as { name?: unknown; color?: unknown } | undefined;
        if (id === awareness.clientID || typeof user?.name !== "string" || typeof user.color !== "string") continue;
        seen.set(`${user.name}${user.color}`, { id, name: user.name, color: user.color });
      }
      setOthers([...seen.values()]);
    };
    refresh();
    awareness.on("change", refresh);
    return () => awareness.off("change", refresh);
  }, [session]);
  if (!others.length) return <p className={ui.muted}>{t("alone")}</p>;
  return (
    <div className={styles.presence}>
      <span>{t("presence")}</span>
      <ul className={styles.presence} data-testid="co-writers">
        {others.map((other) => (
          <li key={other.id} className={styles.writer} style={{ backgroundColor: /^#[0-9a-f]{6}$/i.test(other.color) ? other.color : "#333" }}>
            {other.name}
          </li>
        ))}
      </ul>
    </div>
  );
}

const TOOLS = [
  "heading1",
  "heading2",
  "heading3",
  "bold",
  "italic",
  "underline",
  "bulletList",
  "orderedList",
  LINK_TOOL,
  "table",
  "addRow",
  "addColumn",
  "deleteTable",
  "image",
  "undo",
  "redo",
] as const;
type ToolName = (typeof TOOLS)[number];
const TABLE_TOOLS: readonly ToolName[] = ["addRow", "addColumn", "deleteTable"];

/** The document's tools on the editors' one toolbar: headings, marks, lists, links, tables, images, undo and redo. */
function Toolbar({ editor, uploadImage }: { editor: Editor; uploadImage?: (file: File) => Promise<string> }) {
  const t = useTranslations("documents");
  const [imageFailed, setImageFailed] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const fileInputId = useId();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }): Partial<Record<ToolName | "inTable", boolean>> => ({
      heading1: e.isActive("heading", { level: 1 }),
      heading2: e.isActive("heading", { level: 2 }),
      heading3: e.isActive("heading", { level: 3 }),
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      underline: e.isActive("underline"),
      bulletList: e.isActive("bulletList"),
      orderedList: e.isActive("orderedList"),
      link: e.isActive("link"),
      inTable: e.isActive("table"),
    }),
  });

  const run: Record<Exclude<ToolName, typeof LINK_TOOL>, () => void> = {
    heading1: () => editor.chain().focus().toggleHeading({ level: 1 }).run(),
    heading2: () => editor.chain().focus().toggleHeading({ level: 2 }).run(),
    heading3: () => editor.chain().focus().toggleHeading({ level: 3 }).run(),
    bold: () => editor.chain().focus().toggleBold().run(),
    italic: () => editor.chain().focus().toggleItalic().run(),
    underline: () => editor.chain().focus().toggleUnderline().run(),
    bulletList: () => editor.chain().focus().toggleBulletList().run(),
    orderedList: () => editor.chain().focus().toggleOrderedList().run(),
    table: () => editor.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
    addRow: () => editor.chain().focus().addRowAfter().run(),
    addColumn: () => editor.chain().focus().addColumnAfter().run(),
    deleteTable: () => editor.chain().focus().deleteTable().run(),
    image: () => fileInput.current?.click(),
    undo: () => editor.chain().focus().undo().run(),
    redo: () => editor.chain().focus().redo().run(),
  };
  const tools = TOOLS.filter((tool) => (tool === "image" ? Boolean(uploadImage) : TABLE_TOOLS.includes(tool) ? state?.inTable : true)).map((tool) =>
    tool === LINK_TOOL ? { name: tool, pressed: state?.link } : { name: tool, run: run[tool], pressed: state?.[tool] },
  );

  async function insertImage(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file || !uploadImage) return;
    setImageFailed(false);
    try {
      const src = await uploadImage(file);
      editor.chain().focus().setImage({ src, alt: file.name }).run();
    } catch {
      setImageFailed(true);
    }
  }

  return (
    <EditorToolbar editor={editor} tools={tools} namespace="documents">
      {uploadImage ? (
        <input id={fileInputId} ref={fileInput} type="file" accept="image/png,image/jpeg,image/gif,image/webp" hidden onChange={(event) => void insertImage(event)} />
      ) : null}
      {imageFailed ? (
        <p role="alert" className={ui.fieldError}>
          {t("imageFailed")}
        </p>
      ) : null}
    </EditorToolbar>
  );
}
