import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_GROUP } from "@/server/seed/demo-accounts";
import { expectAccessible } from "./accessibility";
import { logIn } from "./session";

/** Five sign-ins one after the other (each an argon2 check), uploads and a download: a long test on a busy machine. */
test.describe.configure({ timeout: 180_000 });

/** Unique per run, so that a retry never finds the assignment or files of an earlier attempt. */
const stamp = Date.now().toString(36);
const assignment = `Version latine ${stamp}`;
const work = `version-${stamp}.txt`;
const corrected = `version-corrigee-${stamp}.txt`;

const nav = (page: Page) => page.getByRole("navigation", { name: "Navigation principale" });

async function openAssignment(page: Page) {
  await nav(page).getByRole("link", { name: "Devoirs à rendre" }).click();
  await page.getByRole("link", { name: assignment }).click();
  await expect(page.getByRole("heading", { level: 1, name: assignment })).toBeVisible();
}

test("a teacher sets an assignment for a group, its pupil hands in and downloads the corrected copy; a pupil outside the group never sees it", async ({
  page,
  context,
}) => {
  await logIn(page, DEMO_GROUP.teacherLogin);
  await nav(page).getByRole("link", { name: "Devoirs à rendre" }).click();
  const setForm = page.locator("form").filter({ has: page.getByRole("heading", { name: "Donner un devoir à rendre à un groupe" }) });
  await setForm.getByLabel("Groupe").selectOption({ label: DEMO_GROUP.name });
  await setForm.getByLabel("Titre").fill(assignment);
  await setForm.getByRole("textbox", { name: "Consignes" }).click();
  await page.keyboard.type("Traduisez le texte 3.");
  await setForm.getByLabel("À rendre le").fill("2030-06-14T18:00");
  await expectAccessible(page);
  await setForm.getByRole("button", { name: "Donner le devoir" }).click();
  await expect(page.getByRole("heading", { level: 1, name: assignment })).toBeVisible();
  await expect(page.getByText(DEMO_GROUP.name, { exact: false }).first()).toBeVisible();
  const assignmentUrl = page.url();

  await context.clearCookies();
  await logIn(page, DEMO_ACCOUNTS.student.login);
  await openAssignment(page);
  const mine = page.getByRole("region", { name: "Mon travail" });
  await mine.getByLabel("Ajouter un fichier").setInputFiles({ name: work, mimeType: "text/plain", buffer: Buffer.from("Gallia est omnis divisa...\n") });
  await mine.getByRole("button", { name: "Envoyer" }).click();
  await expect(mine.getByRole("link", { name: work })).toBeVisible();
  await mine.getByRole("button", { name: "Rendre mon travail" }).click();
  await expect(mine.getByText(/^Rendu le/)).toBeVisible();

  await context.clearCookies();
  await logIn(page, DEMO_GROUP.teacherLogin);
  await openAssignment(page);
  const emmaRow = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Bernard Emma" }) });
  await expect(emmaRow.getByText("Rendu", { exact: true })).toBeVisible();
  await emmaRow.getByLabel("Ajouter une copie corrigée").setInputFiles({ name: corrected, mimeType: "text/plain", buffer: Buffer.from("Gaule, annotée : attention aux ablatifs.\n") });
  await emmaRow.getByRole("button", { name: "Envoyer" }).click();
  await expect(emmaRow.getByRole("link", { name: corrected })).toBeVisible();
  await emmaRow.getByLabel("Commentaire").fill("Voyez les annotations.");
  await emmaRow.getByRole("button", { name: "Rendre la copie" }).click();
  await expect(emmaRow.getByText("Corrigé", { exact: true })).toBeVisible();
  await expectAccessible(page);

  await context.clearCookies();
  await logIn(page, DEMO_ACCOUNTS.student.login);
  await openAssignment(page);
  const returned = page.getByRole("region", { name: "Mon travail" });
  await expect(returned.getByText("Voyez les annotations.")).toBeVisible();
  const downloading = page.waitForEvent("download");
  await returned.getByRole("link", { name: corrected }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(corrected);
  expect(await readFile((await download.path())!, "utf8")).toContain("attention aux ablatifs");

  await context.clearCookies();
  await logIn(page, DEMO_ACCOUNTS.classmate.login);
  await nav(page).getByRole("link", { name: "Devoirs à rendre" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Devoirs à rendre" })).toBeVisible();
  await expect(page.getByRole("link", { name: assignment })).toHaveCount(0);
  const refused = await page.goto(assignmentUrl);
  expect(refused?.status()).toBe(403);
});
