/** The name a person gave a file, for display only: no path, no control characters, not too long. */
export function displayName(name: string, fallback = "document"): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 120);
  return clean || fallback;
}
