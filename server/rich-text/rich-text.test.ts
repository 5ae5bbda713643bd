import { describe, expect, it } from "vitest";
import { checkRichText, isBlank, isSafeHref, plainText, RICH_TEXT_LIMITS } from "./rich-text";

const doc = (...content: unknown[]) => ({ type: "doc", content });
const paragraph = (...content: unknown[]) => ({ type: "paragraph", content });
const text = (value: string, marks?: unknown[]) => ({ type: "text", text: value, ...(marks ? { marks } : {}) });
const link = (href: string) => ({ type: "link", attrs: { href, target: "_blank", rel: "noopener", class: null } });

describe("rich text", () => {
  it("keeps what the editor makes, dropping the attributes rendering decides", () => {
    const written = doc(
      { type: "heading", attrs: { level: 3 }, content: [text("Séance 12")] },
      paragraph(text("Lire "), text("le chapitre 3", [{ type: "bold" }, { type: "italic" }]), { type: "hardBreak" }, text("voir "), text("ici", [link("https://fr.wikipedia.org/wiki/Fable")])),
      { type: "orderedList", attrs: { start: 1, type: null }, content: [{ type: "listItem", content: [paragraph(text("un"))] }] },
      { type: "bulletList", content: [{ type: "listItem", content: [paragraph(text("deux", [{ type: "underline" }]))] }] },
    );
    const checked = checkRichText(written);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.doc.content[1]).toEqual(
      paragraph(text("Lire "), text("le chapitre 3", [{ type: "bold" }, { type: "italic" }]), { type: "hardBreak" }, text("voir "), text("ici", [{ type: "link", attrs: { href: "https://fr.wikipedia.org/wiki/Fable" } }])),
    );
    expect(checked.doc.content[2]).toEqual({ type: "orderedList", content: [{ type: "listItem", content: [paragraph(text("un"))] }] });
    expect(plainText(checked.doc)).toBe("Séance 12\nLire le chapitre 3\nvoir ici\nun\ndeux");
  });

  it.each([
    ["a script node", doc({ type: "script", content: [text("alert(1)")] }), "unsupported"],
    ["an iframe", doc({ type: "iframe", attrs: { src: "https://example.org" } }), "unsupported"],
    ["raw HTML in a node", doc({ type: "html", html: "<img src=x onerror=alert(1)>" }), "unsupported"],
    ["a code block", doc({ type: "codeBlock", content: [text("x")] }), "unsupported"],
    ["a heading of level 1", doc({ type: "heading", attrs: { level: 1 }, content: [text("x")] }), "unsupported"],
    ["an unknown mark", doc(paragraph(text("x", [{ type: "textStyle", attrs: { color: "red" } }]))), "unsupported"],
    ["a javascript: link", doc(paragraph(text("x", [link("javascript:alert(1)")]))), "unsafeLink"],
    ["a JavaScript: link in capitals", doc(paragraph(text("x", [link("JavaScript:alert(1)")]))), "unsafeLink"],
    ["a data: link", doc(paragraph(text("x", [link("data:text/html,<script>alert(1)</script>")]))), "unsafeLink"],
    ["a relative link", doc(paragraph(text("x", [link("/admin")]))), "unsafeLink"],
    ["a list of paragraphs", doc({ type: "bulletList", content: [paragraph(text("x"))] }), "unsupported"],
    ["a text node in a document", doc(text("x")), "unsupported"],
    ["a text without text", doc(paragraph({ type: "text", text: 42 })), "invalid"],
    ["something that is not a document", { type: "paragraph" }, "invalid"],
    ["a string", "<p>hello</p>", "invalid"],
  ])("refuses %s", (_label, value, problem) => {
    expect(checkRichText(value)).toEqual({ ok: false, problem });
  });

  it("refuses documents that are too large or too deep", () => {
    expect(checkRichText(doc(paragraph(text("x".repeat(RICH_TEXT_LIMITS.characters)))))).toEqual({ ok: false, problem: "tooLarge" });
    let nested: unknown = paragraph(text("fond"));
    for (let i = 0; i < RICH_TEXT_LIMITS.depth; i += 1) nested = { type: "bulletList", content: [{ type: "listItem", content: [nested] }] };
    expect(checkRichText(doc(nested))).toEqual({ ok: false, problem: "tooLarge" });
  });

  it("tells a blank document", () => {
    const blank = checkRichText(doc(paragraph(), { type: "paragraph" }));
    expect(blank.ok && isBlank(blank.doc)).toBe(true);
    const written = checkRichText(doc(paragraph(text("Exercice 4"))));
    expect(written.ok && isBlank(written.doc)).toBe(false);
  });

  it("accepts only absolute http and https links", () => {
    expect(isSafeHref("https://eduscol.education.fr/")).toBe(true);
    expect(isSafeHref("http://example.org/a?b=c")).toBe(true);
    for (const href of ["mailto:a@b.fr", "ftp://x", "vbscript:x", " https://x.fr", "https//x", "", 42]) {
      expect(isSafeHref(href)).toBe(false);
    }
  });
});
