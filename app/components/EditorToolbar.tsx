"use client";

import type { Editor } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { type KeyboardEvent, type ReactNode, useRef, useState } from "react";
import { LinkForm } from "./LinkForm";
import styles from "./RichTextEditor.module.css";

/** One button of the toolbar: what it does (the link tool opens its form), and whether it is on at the cursor. */
export interface Tool {
  name: string;
  run?: () => void;
  pressed?: boolean;
}

/** The tool that opens the link form below the toolbar (http and https addresses only). */
export const LINK_TOOL = "link";

interface Props {
  editor: Editor;
  /** The tools in order; one named `LINK_TOOL` opens the link form instead of running. */
  tools: readonly Tool[];
  /** The catalogue namespace with the toolbar's name, `tools.<name>` labels and `icons.<name>` glyphs. */
  namespace: "homework.editor" | "documents";
  /** More under the toolbar (a hidden file input, an alert). */
  children?: ReactNode;
}

/**
 * The editors' one toolbar (the homework and post editor, the co-edited documents): a single stop in the tab order,
 * whose buttons the arrows, Home and End move along, each with a label, a title and its pressed state; and the link
 * form it opens.
 */
export function EditorToolbar({ editor, tools, namespace, children }: Props) {
  const t = useTranslations(namespace);
  const [focused, setFocused] = useState(0);
  const [linking, setLinking] = useState(false);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const current = Math.min(focused, tools.length - 1);

  function move(event: KeyboardEvent<HTMLDivElement>) {
    const next = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: tools.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const index = (next + tools.length) % tools.length;
    setFocused(index);
    buttons.current[index]?.focus();
  }

  return (
    <>
      <div role="toolbar" aria-label={t("toolbar")} className={styles.toolbar} onKeyDown={move}>
        {tools.map((tool, index) => {
          const link = tool.name === LINK_TOOL;
          return (
            <button
              key={tool.name}
              ref={(element) => {
                buttons.current[index] = element;
              }}
              type="button"
              className={styles.tool}
              tabIndex={index === current ? 0 : -1}
              aria-pressed={link ? linking || Boolean(tool.pressed) : tool.pressed}
              aria-label={t(`tools.${tool.name}`)}
              title={t(`tools.${tool.name}`)}
              onFocus={() => setFocused(index)}
              onClick={link ? () => setLinking((open) => !open) : tool.run}
            >
              <span aria-hidden="true" className={styles[`icon_${tool.name}`]}>
                {t(`icons.${tool.name}`)}
              </span>
            </button>
          );
        })}
      </div>
      {children}
      {linking ? <LinkForm editor={editor} onDone={() => setLinking(false)} /> : null}
    </>
  );
}
