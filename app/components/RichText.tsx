import type { ReactNode } from "react";
import { isSafeHref, type RichBlock, type RichDoc, type RichInline } from "@/server/rich-text/rich-text";
import styles from "./RichText.module.css";

/**
 * Renders checked rich text (server/rich-text) as React elements: each allowed node type maps to one element, text
 * is escaped by React, and anything unknown is skipped, so stored content can never become markup of its own.
 */
export function RichText({ doc, className }: { doc: RichDoc; className?: string }) {
  return <div className={[styles.richText, className].filter(Boolean).join(" ")}>{doc.content.map(renderBlock)}</div>;
}

function renderBlock(block: RichBlock, index: number): ReactNode {
  switch (block.type) {
    case "paragraph":
      return <p key={index}>{block.content?.map(renderInline)}</p>;
    case "heading":
      return block.attrs.level === 3 ? <h3 key={index}>{block.content?.map(renderInline)}</h3> : <h4 key={index}>{block.content?.map(renderInline)}</h4>;
    case "bulletList":
      return <ul key={index}>{block.content.map((item, i) => <li key={i}>{item.content.map(renderBlock)}</li>)}</ul>;
    case "orderedList":
      return (
        <ol key={index} start={block.attrs?.start}>
          {block.content.map((item, i) => <li key={i}>{item.content.map(renderBlock)}</li>)}
        </ol>
      );
    default:
      return null;
  }
}

function renderInline(node: RichInline, index: number): ReactNode {
  if (node.type === "hardBreak") return <br key={index} />;
  if (node.type !== "text") return null;
  let element: ReactNode = node.text;
  for (const mark of node.marks ?? []) {
    if (mark.type === "bold") element = <strong>{element}</strong>;
    else if (mark.type === "italic") element = <em>{element}</em>;
    else if (mark.type === "underline") element = <u>{element}</u>;
    else if (mark.type === "link" && isSafeHref(mark.attrs.href)) {
      element = (
        <a href={mark.attrs.href} rel="noopener noreferrer nofollow" target="_blank">
          {element}
        </a>
      );
    }
  }
  return <span key={index}>{element}</span>;
}
