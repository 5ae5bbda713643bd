import { type Browser, expect, type Page, test } from "@playwright/test";
import { DEMO_SEED } from "@/server/seed/demo-seed";
import { DEMO_ACCOUNTS } from "@/server/seed/demo-accounts";
import { createRandom, deriveSeed } from "@/server/seed/random";
import { expectAccessible } from "./accessibility";
import { logIn } from "./session";

/** Three people sign in (argon2 each) and two browsers co-edit: more than the default 30 s on a busy machine. */
test.describe.configure({ timeout: 120_000 });

/**
 * The demo group work's document "Notre exposé": the demo seed draws the team's id, the club's, then the document's
 * from its spaces' derived random (server/seed/spaces.ts), so they are the same in every demo database.
 */
function demoTeamDocument() {
  const random = createRandom(deriveSeed(DEMO_SEED, 10));
  const spaceId = random.uuid();
  random.uuid();
  return `/espaces/${spaceId}/documents/${random.uuid()}`;
}

const stamp = Date.now().toString(36);

async function openAs(browser: Browser, login: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await logIn(page, login);
  await page.goto(demoTeamDocument());
  await expect(page.getByRole("heading", { level: 1, name: "Notre exposé" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Enregistré en direct" })).toBeVisible();
  return page;
}

const editorOf = (page: Page) => page.getByRole("textbox", { name: "Notre exposé" });

test("emma and hugo co-write their exposé and see each other; claire sees who wrote what and restores a version", async ({ browser }) => {
  const emma = await openAs(browser, DEMO_ACCOUNTS.student.login);
  const hugo = await openAs(browser, DEMO_ACCOUNTS.classmate.login);

  await editorOf(emma).click();
  await emma.keyboard.press("Control+End");
  await emma.keyboard.type(`Introduction par Emma ${stamp}.`);
  await expect(editorOf(hugo)).toContainText(`Introduction par Emma ${stamp}.`);

  // A version to come back to, named as a hand-in would be.
  await emma.getByLabel("Nom de la version").fill(`Premier jet ${stamp}`);
  await emma.getByRole("button", { name: "Nommer la version actuelle" }).click();
  await expect(emma.getByText(`Version « Premier jet ${stamp} » enregistrée.`)).toBeVisible();

  await editorOf(hugo).click();
  await hugo.keyboard.press("Control+End");
  await hugo.keyboard.press("Enter");
  await hugo.keyboard.type(`Conclusion par Hugo ${stamp}.`);
  await expect(editorOf(emma)).toContainText(`Conclusion par Hugo ${stamp}.`);

  // Each sees the other: in the list of co-writers, and their caret (while they are in the text) under their name.
  await editorOf(emma).click();
  await emma.keyboard.press("Control+End");
  await expect(emma.getByTestId("co-writers")).toContainText("Hugo Petit");
  await expect(hugo.getByTestId("co-writers")).toContainText("Emma Bernard");
  await expect(emma.locator(".collaboration-carets__label", { hasText: "Hugo Petit" })).toBeVisible();
  await expect(hugo.locator(".collaboration-carets__label", { hasText: "Emma Bernard" })).toBeVisible();

  const claire = await openAs(browser, DEMO_ACCOUNTS.leadTeacher.login);
  const contributions = claire.getByTestId("contributions");
  await expect(contributions.getByRole("rowheader", { name: "Emma Bernard" })).toBeVisible();
  await expect(contributions.getByRole("rowheader", { name: "Hugo Petit" })).toBeVisible();
  await expect(claire.getByRole("heading", { name: "Jour par jour : Hugo Petit" })).toBeVisible();
  await expectAccessible(claire);

  const version = claire.getByTestId("versions").getByRole("listitem").filter({ hasText: `Premier jet ${stamp}` });
  await version.getByRole("button", { name: /^Voir la version/ }).click();
  await expect(version.getByRole("region")).toContainText(`Introduction par Emma ${stamp}.`);
  await expect(version.getByRole("region")).not.toContainText(`Conclusion par Hugo ${stamp}.`);
  claire.once("dialog", (dialog) => void dialog.accept());
  await version.getByRole("button", { name: /^Restaurer la version/ }).click();
  await expect(claire.getByText("Version restaurée : tous les co-auteurs la voient.")).toBeVisible();

  // Restored live for everyone: Hugo's conclusion is gone from both pupils' editors, Emma's introduction is there.
  // A busy machine may have dropped and re-opened a pupil's connection meanwhile: it catches up when it resyncs.
  for (const page of [emma, hugo, claire]) {
    await expect(editorOf(page)).not.toContainText(`Conclusion par Hugo ${stamp}.`, { timeout: 30_000 });
    await expect(editorOf(page)).toContainText(`Introduction par Emma ${stamp}.`);
  }
});
