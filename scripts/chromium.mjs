// Where the browser tests find Chromium: CHROMIUM_PATH, or Debian's /usr/bin/chromium. Préau's tests never
// download a browser. Run directly (`node scripts/chromium.mjs`), it checks and explains what to do.
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";

export const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export function requireChromium() {
  if (existsSync(chromiumPath)) return chromiumPath;
  console.error(
    `No Chromium at ${chromiumPath}: the browser tests need one.\n` +
      "Install Debian's package (sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary.",
  );
  process.exit(1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) requireChromium();
