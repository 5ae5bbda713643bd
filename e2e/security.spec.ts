import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS } from "@/server/seed/demo-accounts";
import { logIn } from "./session";

test("pages run only their own scripts: a nonce policy, no violation, and an injected handler stays inert", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });

  const response = await page.goto("/connexion");
  const policy = response?.headers()["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);

  await logIn(page, DEMO_ACCOUNTS.leadTeacher.login);
  await page.getByRole("link", { name: "Notes" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(violations).toEqual([]);

  // What an XSS would do once some markup escaped its escaping: an inline handler, which the browser refuses to run.
  const ran = await page.evaluate(async () => {
    const holder = document.createElement("div");
    holder.innerHTML = `<img src="/does-not-exist.png" onerror="window.__injected = true" alt="">`;
    document.body.append(holder);
    await new Promise((resolve) => setTimeout(resolve, 500));
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
});
