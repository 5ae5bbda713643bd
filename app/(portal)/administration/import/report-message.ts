import type { Message } from "@/server/imports/messages";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** An import report's message in the reader's language, the lists of messages it holds (column names) translated and joined. */
export function reportMessage(t: Translate, message: Message): string {
  const values = Object.entries(message.values ?? {}).map(([name, value]) => [name, Array.isArray(value) ? value.map((m) => reportMessage(t, m)).join(", ") : value]);
  return t(message.key, Object.fromEntries(values));
}
