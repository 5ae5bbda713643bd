import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS } from "@/server/seed/demo-accounts";
import { logIn } from "./session";

/** Three people sign in one after the other (each an argon2 check): more than the default 30 s on a busy machine. */
test.describe.configure({ timeout: 90_000 });

/** Unique per run, so that a retry never finds the homework of an earlier attempt. */
const stamp = Date.now().toString(36);
const instructions = `Relire la nouvelle et relever les indices de la chute (${stamp})`;

test("claire writes the lesson log and gives homework to 4eB; emma ticks it done; her mother sees the tick", async ({ page, context }) => {
  await logIn(page, DEMO_ACCOUNTS.leadTeacher.login);
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Cahier de textes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Cahier de textes" })).toBeVisible();
  await page.getByRole("link", { name: /Français · 4eB/ }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Français · 4eB" })).toBeVisible();

  const log = page.getByRole("textbox", { name: "Contenu de la séance" });
  await log.click();
  await page.keyboard.type("Lecture de ");
  const bold = page.getByRole("toolbar", { name: "Mise en forme" }).first().getByRole("button", { name: "Gras" });
  await bold.click();
  // the toolbar hands the focus back to the text, bold on
  await expect(log).toBeFocused();
  await expect(bold).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.type("La Parure");
  await expect(log.locator("strong")).toHaveText("La Parure");
  await page.getByRole("button", { name: "Enregistrer la séance" }).click();
  await expect(page.getByText(/Enregistré à/)).toBeVisible();

  const give = page.getByRole("region", { name: "Donner du travail" });
  await expect(give.getByLabel("Pour quand")).toHaveValue(/\d{4}-\d{2}-\d{2}/);
  await give.getByRole("textbox", { name: "Consignes" }).click();
  await page.keyboard.type(instructions);
  await give.getByLabel("Durée estimée (minutes)").fill("30");
  await give.getByLabel("À rendre").check();
  await give.getByRole("button", { name: "Donner ce travail" }).click();
  await expect(give.getByText("Travail donné. La classe le voit dans son travail à faire.")).toBeVisible();
  const givenList = page.getByRole("region", { name: "Travail donné dans cette séance" });
  await expect(givenList.getByText(instructions)).toBeVisible();
  await expect(givenList.getByText("Aucun élève ne l'a coché fait")).toBeVisible();
  await expect(page.getByRole("region", { name: "Charge de travail de la classe" }).getByText("Vous").first()).toBeVisible();

  await context.clearCookies();
  await logIn(page, DEMO_ACCOUNTS.student.login);
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Travail à faire" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Travail à faire" })).toBeVisible();
  // the homework itself, not the day that lists it (whose heading is a level 2 one)
  const homeworkItem = () => page.getByRole("listitem").filter({ hasText: instructions }).filter({ hasNot: page.getByRole("heading", { level: 2 }) });
  const item = homeworkItem();
  await expect(item.getByText("À rendre")).toBeVisible();
  await expect(item.getByText("30 min")).toBeVisible();
  const done = item.getByRole("checkbox", { name: /Fait/ });
  await expect(done).not.toBeChecked();
  await done.check();
  await expect(done).toBeChecked();
  await page.reload();
  await expect(homeworkItem().getByRole("checkbox", { name: /Fait/ })).toBeChecked();

  await page.getByRole("link", { name: "Cahier de textes" }).click();
  await expect(page.getByRole("region", { name: "Français" }).getByText("La Parure").first()).toBeVisible();

  await context.clearCookies();
  await logIn(page, DEMO_ACCOUNTS.guardian.login);
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Travail à faire" }).click();
  await expect(page).toHaveURL(/\/travail/);
  await page.getByRole("navigation", { name: "Choisir l'enfant" }).getByRole("link", { name: /Emma/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Travail à faire · Emma" })).toBeVisible();
  const seen = homeworkItem();
  await expect(seen.getByText("Fait ✓")).toBeVisible();
  await expect(seen.getByRole("checkbox")).toHaveCount(0);
});
