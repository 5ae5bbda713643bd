import { chromium } from "playwright-core";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const context = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: "fr-FR" });
const page = await context.newPage();
await page.goto("http://localhost:3102/connexion");
await page.getByLabel("Identifiant").fill(process.argv[2] ?? "emma.bernard");
await page.getByLabel("Mot de passe").fill("Preau-Demo-2026");
await page.getByRole("button", { name: "Se connecter" }).click();
await page.waitForURL(/accueil/);
for (const path of ["/accueil", process.argv[3] ?? "/travail"]) {
  await page.goto("http://localhost:3102" + path);
  const wide = await page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll("body *")) {
      const r = el.getBoundingClientRect();
      if (r.right > 362 && r.width > 0) out.push(`${el.tagName}.${el.className} right=${Math.round(r.right)} w=${Math.round(r.width)}`);
    }
    return [document.documentElement.scrollWidth, out.slice(0, 15)];
  });
  console.log(path, JSON.stringify(wide, null, 1));
}
await browser.close();
