/**
 * Rich text as Tiptap (ProseMirror) JSON, limited to what a cahier de textes needs: paragraphs, headings of level 3
 * and 4, bullet and ordered lists, line breaks, bold, italic, underline and http(s) links. Anything else is refused,
 * so that what is stored can only ever be rendered as these elements (see app/components/RichText.tsx), never as
 * HTML someone typed. The editor (Tiptap's starter kit, narrowed) produces exactly this.
 */
export interface RichDoc {
  type: "doc";
  content: RichBlock[];
}

export type RichBlock =
  | { type: "paragraph"; content?: RichInline[] }
  | { type: "heading"; attrs: { level: 3 | 4 }; content?: RichInline[] }
  | { type: "bulletList"; content: RichListItem[] }
  | { type: "orderedList"; attrs?: { start: number }; content: RichListItem[] };

export interface RichListItem {
  type: "listItem";
  content: RichBlock[];
}

export type RichInline = { type: "text"; text: string; marks?: RichMark[] } | { type: "hardBreak" };

export type RichMark = { type: "bold" | "italic" | "underline" } | { type: "link"; attrs: { href: string } };

/** Why a document was refused: each reason has its message in the catalogue. */
export type RichTextProblem = "invalid" | "unsupported" | "unsafeLink" | "tooLarge";

export type RichTextCheck = { ok: true; doc: RichDoc } | { ok: false; problem: RichTextProblem };

/** Limits that keep one entry readable and cheap to store and render. */
export const RICH_TEXT_LIMITS = { characters: 20_000, nodes: 2_000, depth: 12, linkLength: 2_000 } as const;

class Refusal extends Error {
  constructor(readonly problem: RichTextProblem) {
    super(problem);
  }
}

const SIMPLE_MARKS = new Set(["bold", "italic", "underline"]);

/**
 * Checks a document against the allow-list and returns a clean copy holding only the known attributes (Tiptap adds
 * some, such as a link's target or rel, that rendering decides itself).
 */
export function checkRichText(value: unknown): RichTextCheck {
  try {
    if (JSON.stringify(value ?? null).length > RICH_TEXT_LIMITS.characters) throw new Refusal("tooLarge");
    const counter = { nodes: 0 };
    const node = objectOf(value);
    if (node.type !== "doc") throw new Refusal("invalid");
    return { ok: true, doc: { type: "doc", content: blocks(node.content, counter, 1) } };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, problem: error.problem };
    throw error;
  }
}

/** Whether a document has no text at all: an empty cahier de textes entry is no entry. */
export function isBlank(doc: RichDoc): boolean {
  return plainText(doc).trim() === "";
}

/** The text of a document, blocks separated by line breaks: for previews, notifications and searches. */
export function plainText(doc: RichDoc): string {
  const blockText = (block: RichBlock): string =>
    block.type === "paragraph" || block.type === "heading"
      ? (block.content ?? []).map((inline) => (inline.type === "text" ? inline.text : "\n")).join("")
      : block.content.map((item) => item.content.map(blockText).join("\n")).join("\n");
  return doc.content.map(blockText).join("\n");
}

/** Whether a link may be followed: absolute http or https only (no javascript:, data:, relative or mail links). */
export function isSafeHref(href: unknown): href is string {
  if (typeof href !== "string" || href.length > RICH_TEXT_LIMITS.linkLength) return false;
  try {
    const url = new URL(href);
    return (url.protocol === "http:" || url.protocol === "https:") && href.trim() === href;
  } catch {
    return false;
  }
}

function objectOf(value: unknown): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Refusal("invalid");
  return value as Record<string, unknown>;
}

function arrayOf(value: unknown, required: boolean): unknown[] {
  if (value === undefined && !required) return [];
  if (!Array.isArray(value)) throw new Refusal("invalid");
  return value;
}

function visit(counter: { nodes: number }, depth: number) {
  counter.nodes += 1;
  if (counter.nodes > RICH_TEXT_LIMITS.nodes || depth > RICH_TEXT_LIMITS.depth) throw new Refusal("tooLarge");
}

function blocks(value: unknown, counter: { nodes: number }, depth: number): RichBlock[] {
  return arrayOf(value, false).map((item) => block(item, counter, depth));
}

function block(value: unknown, counter: { nodes: number }, depth: number): RichBlock {
  visit(counter, depth);
  const node = objectOf(value);
  switch (node.type) {
    case "paragraph":
      return withInline({ type: "paragraph" }, node.content, counter, depth);
    case "heading": {
      const level = objectOf(node.attrs ?? {}).level;
      if (level !== 3 && level !== 4) throw new Refusal("unsupported");
      return withInline({ type: "heading", attrs: { level } }, node.content, counter, depth);
    }
    case "bulletList":
      return { type: "bulletList", content: listItems(node.content, counter, depth) };
    case "orderedList": {
      const start = objectOf(node.attrs ?? {}).start ?? 1;
      if (!Number.isInteger(start) || (start as number) < 0 || (start as number) > 10_000) throw new Refusal("invalid");
      const content = listItems(node.content, counter, depth);
      return start === 1 ? { type: "orderedList", content } : { type: "orderedList", attrs: { start: start as number }, content };
    }
    default:
      throw new Refusal("unsupported");
  }
}

function withInline<T extends { type: "paragraph" } | { type: "heading"; attrs: { level: 3 | 4 } }>(
  node: T,
  value: unknown,
  counter: { nodes: number },
  depth: number,
): T & { content?: RichInline[] } {
  const content = arrayOf(value, false).map((item) => inline(item, counter, depth + 1));
  return content.length ? { ...node, content } : node;
}

function listItems(value: unknown, counter: { nodes: number }, depth: number): RichListItem[] {
  const items = arrayOf(value, true);
  if (items.length === 0) throw new Refusal("invalid");
  return items.map((item) => {
    visit(counter, depth + 1);
    const node = objectOf(item);
    if (node.type !== "listItem") throw new Refusal("unsupported");
    return { type: "listItem", content: blocks(node.content, counter, depth + 2) };
  });
}

function inline(value: unknown, counter: { nodes: number }, depth: number): RichInline {
  visit(counter, depth);
  const node = objectOf(value);
  if (node.type === "hardBreak") return { type: "hardBreak" };
  if (node.type !== "text") throw new Refusal("unsupported");
  if (typeof node.text !== "string" || node.text === "") throw new Refusal("invalid");
  const marks = arrayOf(node.marks, false).map(mark);
  return marks.length ? { type: "text", text: node.text, marks } : { type: "text", text: node.text };
}

function mark(value: unknown): RichMark {
  const node = objectOf(value);
  if (typeof node.type === "string" && SIMPLE_MARKS.has(node.type)) return { type: node.type as "bold" };
  if (node.type !== "link") throw new Refusal("unsupported");
  const href = objectOf(node.attrs ?? {}).href;
  if (!isSafeHref(href)) throw new Refusal("unsafeLink");
  return { type: "link", attrs: { href } };
}
