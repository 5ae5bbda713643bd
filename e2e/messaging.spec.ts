import { randomUUID } from "node:crypto";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { DEMO_ACCOUNTS } from "@/server/seed/demo-accounts";
import { logIn } from "./session";

/** A signed-in page in a browser context of its own, as a second person at another computer. */
async function signedIn(browser: Browser, login: string): Promise<Page> {
  const page = await (await browser.newContext({ locale: "fr-FR" })).newPage();
  await logIn(page, login);
  return page;
}

/** Follows a link of the main navigation and waits for its page. */
async function nav(page: Page, name: string) {
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name, exact: true })).toBeVisible();
}

test("a family writes to the direction inbox, and sees direction's answer arrive without reloading", async ({ browser }) => {
  test.setTimeout(90_000);
  const subject = `Rendez-vous ${randomUUID().slice(0, 8)}`;
  const sophie = await signedIn(browser, DEMO_ACCOUNTS.guardian.login);
  await nav(sophie, "Messagerie");
  await sophie.getByRole("link", { name: "Nouveau message" }).click();
  await sophie.getByRole("radio", { name: "Direction" }).check();
  await sophie.getByLabel("Objet").fill(subject);
  await sophie.getByLabel("Message", { exact: true }).fill("Bonjour, pourrais-je vous rencontrer cette semaine ?");
  await sophie.getByRole("button", { name: "Envoyer" }).click();
  await expect(sophie.getByRole("heading", { level: 1, name: subject })).toBeVisible();
  await expect(sophie.getByTestId("handled")).toHaveText("Pas encore pris en charge");

  const isabelle = await signedIn(browser, DEMO_ACCOUNTS.direction.login);
  await nav(isabelle, "Messagerie");
  await isabelle.getByRole("link", { name: subject }).click();
  await expect(isabelle.getByText("Bonjour, pourrais-je vous rencontrer cette semaine ?")).toBeVisible();
  await isabelle.getByLabel("Message", { exact: true }).fill("Bien sûr : jeudi à 17 h 30.");
  await isabelle.getByRole("button", { name: "Envoyer" }).click();
  await expect(isabelle.getByTestId("handled")).toHaveText("Pris en charge par Isabelle Fontaine");

  // Sophie's page was not reloaded: the answer comes through the live channel.
  await expect(sophie.getByText("Bien sûr : jeudi à 17 h 30.")).toBeVisible();
  await expect(sophie.getByTestId("handled")).toHaveText("Pris en charge par Isabelle Fontaine");
  await expect(sophie.getByTestId("notification-bell")).toHaveAccessibleName(/Notifications : \d+ non lues?/);
});

test("a teacher sends a carnet note to her class and sees the families' acknowledgements arrive", async ({ browser }) => {
  test.setTimeout(90_000);
  const title = `Sortie au théâtre ${randomUUID().slice(0, 8)}`;
  const claire = await signedIn(browser, DEMO_ACCOUNTS.leadTeacher.login);
  await nav(claire, "Carnet de liaison");
  await claire.getByLabel("Classe").selectOption({ label: "4eB" });
  await claire.getByLabel("Titre").fill(title);
  await claire.getByLabel("Mot", { exact: true }).fill("Merci de signer l'autorisation de sortie.");
  await claire.getByRole("button", { name: "Envoyer aux familles" }).click();
  await claire.getByRole("link", { name: title }).click();
  await expect(claire.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const count = claire.getByTestId("acknowledged-count");
  await expect(count).toHaveText(/^0 sur \d+ vus$/);

  const sophie = await signedIn(browser, DEMO_ACCOUNTS.guardian.login);
  await expect(sophie.getByRole("region", { name: "Carnet de liaison" }).getByText(title)).toBeVisible();
  await nav(sophie, "Carnet de liaison");
  const note = sophie.getByRole("listitem").filter({ hasText: title });
  await note.getByRole("button", { name: /^Vu/ }).click();
  await expect(note.getByText(/^Vu le /)).toBeVisible();

  // Claire's follow-up page updates by itself.
  await expect(count).toHaveText(/^1 sur \d+ vus$/);
  await expect(claire.getByRole("listitem").filter({ hasText: "Sophie Bernard" }).getByText(/^Vu le /)).toBeVisible();
});

test("an announcement to the families of 4eB is seen by them, and not by another class's family", async ({ browser }) => {
  test.setTimeout(90_000);
  const title = `Photo de classe ${randomUUID().slice(0, 8)}`;
  const isabelle = await signedIn(browser, DEMO_ACCOUNTS.direction.login);
  await nav(isabelle, "Actualités");
  const form = isabelle.getByRole("form", { name: "Publier une actualité" });
  await form.getByLabel("Titre").fill(title);
  await form.getByLabel("Texte").fill("Le photographe passe vendredi.");
  await form.getByRole("checkbox", { name: "4eB" }).check();
  await form.getByRole("checkbox", { name: "Responsable légal" }).check();
  await form.getByRole("button", { name: "Publier" }).click();
  await expect(isabelle.getByRole("heading", { level: 2, name: title })).toBeVisible();
  await expect(isabelle.getByRole("article").filter({ hasText: title }).getByText("Lu par personne pour l'instant")).toBeVisible();

  const sophie = await signedIn(browser, DEMO_ACCOUNTS.guardian.login);
  await nav(sophie, "Actualités");
  await expect(sophie.getByRole("heading", { level: 2, name: title })).toBeVisible();

  const nathalie = await signedIn(browser, DEMO_ACCOUNTS.otherGuardian.login);
  await nav(nathalie, "Actualités");
  await expect(nathalie.getByRole("heading", { level: 2, name: title })).toBeVisible();

  // julien teaches 4eB but is the father of a 5eC pupil: the announcement is for 4eB's families, not for him.
  const julien = await signedIn(browser, DEMO_ACCOUNTS.teacherParent.login);
  await nav(julien, "Actualités");
  await expect(julien.getByRole("heading", { level: 1, name: "Actualités" })).toBeVisible();
  await expect(julien.getByRole("heading", { level: 2, name: title })).toHaveCount(0);

  await expect(async () => {
    await isabelle.reload();
    await expect(isabelle.getByRole("article").filter({ hasText: title }).getByText("Lu par 2 personnes")).toBeVisible({ timeout: 1000 });
  }).toPass();
});
