import { asciiFileName } from "./file-name";

const INLINE_IMAGES = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"]);

/**
 * A stored file served to the browser: as a download (never rendered in Préau's origin), with the type read from its
 * bytes, the person's name for it (UTF-8, with an ASCII fallback), and nothing cached by shared caches. `inline` lets
 * a raster image (PNG, JPEG, GIF, WebP: never SVG, which can hold scripts) show inside a page, still sandboxed.
 */
export function fileResponse(file: { name: string; contentType: string }, bytes: Uint8Array, options: { inline?: boolean } = {}): Response {
  const dot = file.name.lastIndexOf(".");
  const extension = dot > 0 ? file.name.slice(dot + 1).replace(/[^A-Za-z0-9]/g, "").slice(0, 10) : "";
  const fallback = asciiFileName("fichier", [dot > 0 ? file.name.slice(0, dot) : file.name], extension || "bin");
  return new Response(Buffer.from(bytes), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(bytes.length),
      "Content-Disposition": `${options.inline && INLINE_IMAGES.has(file.contentType) ? "inline" : "attachment"}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "sandbox; default-src 'none'",
      "Cache-Control": "private, no-store",
    },
  });
}
