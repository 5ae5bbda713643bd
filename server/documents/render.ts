import * as Y from "yjs";
import { isSafeHref } from "@/server/rich-text/rich-text";

/**
 * A co-edited document (the Yjs state Tiptap's Collaboration extension writes in its "default" fragment) rendered
 * to HTML on the server, through an allow-list: each known node and mark becomes one fixed element with only the
 * attributes listed here, checked; text is escaped; anything unknown is dropped with its markup but keeps its text.
 * So no stored content, however it was crafted, can become a script, an event handler or a javascript: link.
 */
export const DOCUMENT_FRAGMENT = "default";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => ESCAPES[character]);

/** Block nodes and the element each becomes. */
const BLOCKS: Record<string, string> = {
  paragraph: "p",
  blockquote: "blockquote",
  bulletList: "ul",
  orderedList: "ol",
  listItem: "li",
  codeBlock: "pre",
  table: "table",
  tableRow: "tr",
  tableHeader: "th",
  tableCell: "td",
};

/** Marks (formatting attributes of the text) and the element each becomes; links are handled apart. */
const MARKS: Record<string, string> = { bold: "strong", italic: "em", underline: "u", strike: "s", code: "code" };

const MAX_DEPTH = 40;

/** Images come from Préau itself only (the space's files): a path on this origin, never another site or data:. */
export function isSafeImageSource(src: unknown): src is string {
  return typeof src === "string" && /^\/[^/\\]/.test(src) && !/[\s"'<>]/.test(src) && src.length <= 2000;
}

const smallInteger = (value: unknown, min: number, max: number): number | null => {
  const number = typeof value === "string" ? Number(value) : value;
  return typeof number === "number" && Number.isInteger(number) && number >= min && number <= max ? number : null;
};

function renderText(text: Y.XmlText): string {
  return (text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[])
    .map(({ insert, attributes }) => {
      if (typeof insert !== "string") return "";
      let html = escapeHtml(insert);
      for (const [key, value] of Object.entries(attributes ?? {})) {
        // y-prosemirror names overlapping marks of one type "<mark>--<hash>".
        const mark = key.split("--")[0];
        if (MARKS[mark]) html = `<${MARKS[mark]}>${html}</${MARKS[mark]}>`;
        else if (mark === "link") {
          const href = (value as { href?: unknown } | null)?.href;
          if (isSafeHref(href)) html = `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow" target="_blank">${html}</a>`;
        }
      }
      return html;
    })
    .join("");
}

function renderElement(element: Y.XmlElement, depth: number): string {
  if (depth > MAX_DEPTH) return "";
  const inner = () => renderChildren(element, depth + 1);
  const name = element.nodeName;
  switch (name) {
    case "heading": {
      const level = smallInteger(element.getAttribute("level"), 1, 6) ?? 2;
      // The page's own title is the h1: a document's headings start at h2.
      const tag = `h${Math.min(6, Math.max(2, level + 1))}`;
      return `<${tag}>${inner()}</${tag}>`;
    }
    case "orderedList": {
      const start = smallInteger(element.getAttribute("start"), 0, 10_000);
      return `<ol${start !== null && start !== 1 ? ` start="${start}"` : ""}>${inner()}</ol>`;
    }
    case "tableHeader":
    case "tableCell": {
      const tag = BLOCKS[name];
      const colspan = smallInteger(element.getAttribute("colspan"), 2, 100);
      const rowspan = smallInteger(element.getAttribute("rowspan"), 2, 100);
      return `<${tag}${colspan ? ` colspan="${colspan}"` : ""}${rowspan ? ` rowspan="${rowspan}"` : ""}>${inner()}</${tag}>`;
    }
    case "table":
      return `<table><tbody>${inner()}</tbody></table>`;
    case "codeBlock":
      return `<pre><code>${inner()}</code></pre>`;
    case "hardBreak":
      return "<br>";
    case "horizontalRule":
      return "<hr>";
    case "image": {
      const src = element.getAttribute("src");
      const alt = element.getAttribute("alt");
      return isSafeImageSource(src) ? `<img src="${escapeHtml(src)}" alt="${escapeHtml(typeof alt === "string" ? alt : "")}">` : "";
    }
    default:
      return BLOCKS[name] ? `<${BLOCKS[name]}>${inner()}</${BLOCKS[name]}>` : inner();
  }
}

function renderChildren(parent: Y.XmlFragment | Y.XmlElement, depth: number): string {
  return parent
    .toArray()
    .map((child) => {
      if (child instanceof Y.XmlText) return renderText(child);
      if (child instanceof Y.XmlElement) return renderElement(child, depth);
      return "";
    })
    .join("");
}

/** The document's content as safe HTML. */
export function documentHtml(doc: Y.Doc): string {
  return renderChildren(doc.getXmlFragment(DOCUMENT_FRAGMENT), 0);
}

/** The document's text, without markup: for previews and excerpts. */
export function documentText(doc: Y.Doc): string {
  const textOf = (node: Y.XmlFragment | Y.XmlElement | Y.XmlText): string =>
    node instanceof Y.XmlText
      ? (node.toDelta() as { insert: unknown }[]).map(({ insert }) => (typeof insert === "string" ? insert : "")).join("")
      : node.toArray().map((child) => textOf(child as Y.XmlElement)).join(" ");
  return textOf(doc.getXmlFragment(DOCUMENT_FRAGMENT)).replace(/\s+/g, " ").trim();
}
