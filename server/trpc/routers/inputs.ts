import { z } from "zod";
import { checkRichText } from "@/server/rich-text/rich-text";

/** Rich text as the editor sends it, checked against the allow-list; the procedure receives the clean copy. */
export const richTextInput = (namespace: string) =>
  z.unknown().transform((value, ctx) => {
    const checked = checkRichText(value);
    if (checked.ok) return checked.doc;
    ctx.addIssue({ code: "custom", message: `${namespace}.richText.${checked.problem}`, input: value });
    return z.NEVER;
  });

/** A file sent by the browser: its name and its bytes in base64, at most `maxBytes` (the service checks it exactly). */
export const uploadInput = (maxBytes: number) =>
  z.object({
    name: z.string().trim().min(1).max(255),
    content: z.base64().max(Math.ceil(maxBytes / 3) * 4 + 8),
  });

/** The largest upload any procedure accepts on the wire; each service applies its own, smaller or equal, limit. */
export const WIRE_MAX_BYTES = 50 * 1024 * 1024;
