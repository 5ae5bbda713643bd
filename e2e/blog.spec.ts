import { expect, type Page, test } from "@playwright/test";
import { DEMO_ACCOUNTS } from "@/server/seed/demo-accounts";
import { logIn } from "./session";

/** Three sign-ins one after the other (each an argon2 check) and a co-editing session: long on a busy machine. */
test.describe.configure({ timeout: 150_000 });

/** Unique per run, so that a retry never finds the post of an earlier attempt. */
const stamp = Date.now().toString(36);
const title = `Notre sortie au musée ${stamp}`;
const text = `Nous avons vu les tableaux de Pierre Soulages ${stamp}.`;
/** What a pupil might type, tags included: it must come back as text, never as markup. */
const markup = `<img src=x onerror="document.title='pwned'">`;

const nav = (page: Page) => page.getByRole("navigation", { name: "Navigation principale" });

async function openClassBlog(page: Page) {
  await nav(page).getByRole("link", { name: "Espaces" }).click();
  await page.getByRole("link", { name: "4eB", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "4eB" })).toBeVisible();
  await page.getByRole("navigation", { name: "Rubriques de l'espace" }).getByRole("link", { name: "Blog" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Blog" })).toBeVisible();
}

test("emma writes a post and submits it, claire publishes it for families, sophie reads it as text and comments", async ({ page, context }) => {
  await logIn(page, DEMO_ACCOUNTS.student.login);
  await openClassBlog(page);
  await page.getByLabel("Titre de l'article").fill(title);
  await page.getByRole("button", { name: "Créer l'article" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Enregistré en direct" })).toBeVisible();
  const editor = page.getByRole("textbox", { name: title });
  await editor.click();
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
  await page.keyboard.type(markup);
  await expect(editor).toContainText(markup);

  await openClassBlog(page);
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByText("Brouillon")).toBeVisible();
  await page.getByRole("button", { name: "Proposer à la publication" }).click();
  await expect(page.getByText("Proposé à la publication")).toBeVisible();

  await context.clearCookies();
  await logIn(page, DEMO_ACCOUNTS.leadTeacher.login);
  await openClassBlog(page);
  await page.getByRole("link", { name: title }).click();
  await page.getByLabel("Lecteurs").selectOption({ label: "Aussi les familles de la classe" });
  await page.getByRole("button", { name: "Publier", exact: true }).click();
  await expect(page.getByRole("article")).toContainText(text);

  await context.clearCookies();
  await logIn(page, DEMO_ACCOUNTS.guardian.login);
  await openClassBlog(page);
  await page.getByRole("link", { name: title }).click();
  const article = page.getByRole("article");
  await expect(article).toContainText(text);
  // The tags were words in the post: shown as typed, no image element, no script run.
  await expect(article).toContainText(markup);
  await expect(article.locator("img")).toHaveCount(0);
  expect(await page.title()).not.toBe("pwned");

  await page.getByLabel("Votre commentaire").fill("Merci pour ce bel article !");
  await page.getByRole("button", { name: "Envoyer le commentaire" }).click();
  await expect(page.getByText("Merci : votre commentaire sera visible une fois approuvé.")).toBeVisible();
});
