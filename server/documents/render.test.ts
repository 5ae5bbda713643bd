import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { DOCUMENT_FRAGMENT, documentHtml, documentText } from "./render";

/** Builds a document the way an attacker with write access could: any node name, attribute or mark at all. */
function docWith(build: (fragment: Y.XmlFragment) => void): Y.Doc {
  const doc = new Y.Doc();
  build(doc.getXmlFragment(DOCUMENT_FRAGMENT));
  return doc;
}

function element(name: string, attributes: Record<string, string> = {}, children: (Y.XmlElement | Y.XmlText)[] = []) {
  const node = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  node.insert(0, children);
  return node;
}

function text(value: string, attributes?: Record<string, unknown>) {
  const node = new Y.XmlText();
  node.insert(0, value, attributes as Record<string, object>);
  return node;
}

const paragraph = (...children: (Y.XmlElement | Y.XmlText)[]) => element("paragraph", {}, children);

describe("rendering a co-edited document", () => {
  it("renders the allowed nodes and marks", () => {
    const doc = docWith((f) =>
      f.insert(0, [
        element("heading", { level: "1" }, [text("Titre")]),
        paragraph(text("gras", { bold: {} }), text(" et "), text("lien", { link: { href: "https://example.org/a?b=1&c=2" } })),
        element("bulletList", {}, [element("listItem", {}, [paragraph(text("un"))])]),
        element("table", {}, [element("tableRow", {}, [element("tableHeader", { colspan: "2" }, [paragraph(text("A"))])])]),
        element("image", { src: "/api/files/abc", alt: "Schéma" }),
      ]),
    );
    expect(documentHtml(doc)).toBe(
      "<h2>Titre</h2><p><strong>gras</strong> et <a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">lien</a></p>" +
        "<ul><li><p>un</p></li></ul><table><tbody><tr><th colspan=\"2\"><p>A</p></th></tr></tbody></table>" +
        "<img src=\"/api/files/abc\" alt=\"Schéma\">",
    );
    expect(documentText(doc)).toBe("Titre gras et lien un A");
  });

  const PAYLOADS: [string, (f: Y.XmlFragment) => void][] = [
    ["a script element", (f) => f.insert(0, [element("script", {}, [text("alert(1)")])])],
    ["markup in text", (f) => f.insert(0, [paragraph(text("<script>alert(1)</script><img src=x onerror=alert(1)>"))])],
    ["an event handler attribute", (f) => f.insert(0, [element("paragraph", { onclick: "alert(1)", style: "x" }, [text("a")])])],
    ["a javascript: link", (f) => f.insert(0, [paragraph(text("a", { link: { href: "javascript:alert(1)" } }))])],
    ["a link breaking out of its attribute", (f) => f.insert(0, [paragraph(text("a", { link: { href: 'https://x.org/"onmouseover="alert(1)' } }))])],
    ["a data: link", (f) => f.insert(0, [paragraph(text("a", { link: { href: "data:text/html,<script>alert(1)</script>" } }))])],
    ["an image from elsewhere", (f) => f.insert(0, [element("image", { src: "https://evil.example/x.png" })])],
    ["a protocol-relative image", (f) => f.insert(0, [element("image", { src: "//evil.example/x.png" })])],
    ["a javascript: image", (f) => f.insert(0, [element("image", { src: "javascript:alert(1)" })])],
    ["an image breaking out of its attribute", (f) => f.insert(0, [element("image", { src: '/x" onerror="alert(1)', alt: '"><script>alert(1)</script>' })])],
    ["an iframe", (f) => f.insert(0, [element("iframe", { src: "https://evil.example" }, [text("x")])])],
    ["a heading level that is markup", (f) => f.insert(0, [element("heading", { level: "1 onclick=alert(1)" }, [text("t")])])],
    ["a list start that is markup", (f) => f.insert(0, [element("orderedList", { start: '1" onclick="alert(1)' }, [])])],
    ["a cell span that is markup", (f) => f.insert(0, [element("tableCell", { colspan: "2 onclick=alert(1)" }, [text("c")])])],
    ["an unknown mark", (f) => f.insert(0, [paragraph(text("a", { script: { src: "x" }, "a onclick=alert(1)": {} }))])],
    ["a svg", (f) => f.insert(0, [element("svg", { onload: "alert(1)" }, [element("script", {}, [text("alert(1)")])])])],
    ["a style element", (f) => f.insert(0, [element("style", {}, [text("body{background:url(javascript:alert(1))}")])])],
  ];

  it("escapes markup typed as text", () => {
    expect(documentHtml(docWith(PAYLOADS[1][1]))).toBe("<p>&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;</p>");
  });

  /** Every tag is one of the allowed elements with only its allowed attributes, so no handler or script can exist. */
  it.each(PAYLOADS)("renders %s harmless", (_name, build) => {
    const html = documentHtml(docWith(build));
    expect(html).not.toMatch(/<(script|iframe|svg|style|object|embed)/i);
    expect(html).not.toMatch(/(href|src)="(javascript:|data:|https?:\/\/evil|\/\/)/i);
    for (const tag of html.match(/<[a-z]+[^>]*>/g) ?? []) {
      expect(tag).toMatch(/^<(p|h[2-6]|ul|ol|li|strong|em|u|s|code|pre|blockquote|table|tbody|tr|th|td|br|hr|a|img)( (href|rel|target|src|alt|start|colspan|rowspan)="[^"<>]*")*>$/);
    }
  });
});
