import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS } from "@/server/seed/demo-accounts";
import { expectAccessible } from "./accessibility";
import { logIn } from "./session";

/**
 * The weeks A and B of the demo's year, as the direction sets them. The year's last week is the one changed: no other
 * spec looks at it, and it is not over before July 2027.
 */
test("the direction reads the year's weeks A and B, holidays without a letter, and makes the last week the other letter", async ({ page }) => {
  await logIn(page, DEMO_ACCOUNTS.direction.login);
  await page.goto("/emploi-du-temps/gestion");
  await page.getByRole("link", { name: "Semaines A et B" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Semaines A et B de l'année 2026-2027" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: /21.25 décembre/ })).toContainText("Vacances");
  await expect(page.getByRole("row").filter({ hasText: /(^|\D)9.13 novembre/ })).toContainText("Jour(s) sans cours");
  await expectAccessible(page, "weeks A and B");
  await page.screenshot({ path: test.info().outputPath("semaines-a-b.png"), fullPage: true });

  const last = page.getByRole("row").filter({ hasText: /28 juin.*2 juillet/ });
  const letter = last.getByRole("cell").first();
  const before = (await letter.textContent())?.trim();
  const other = before === "A" ? "B" : "A";
  await last.getByRole("button", { name: `Passer en semaine ${other}` }).click();
  await expect(letter).toHaveText(other);
  await expect(last.getByRole("button", { name: `Passer en semaine ${before}` })).toBeVisible();
});
