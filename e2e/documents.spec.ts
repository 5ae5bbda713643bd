import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { DEMO_SEED } from "@/server/seed/demo-seed";
import { DEMO_ACCOUNTS } from "@/server/seed/demo-accounts";
import { createRandom, deriveSeed } from "@/server/seed/random";
import { expectAccessible } from "./accessibility";
import { logIn } from "./session";

/** Three people sign in (argon2 each) and two browsers co-edit: more than the default 30 s on a busy machine. */
test.describe.configure({ timeout: 120_000 });

/**
 * The demo group work's documents, and its document "Notre exposé": the demo seed draws the team's id, the club's,
 * then the document's from its spaces' derived random (server/seed/spaces.ts), so they are the same in every demo
 * database.
 */
function demoTeam() {
  const random = createRandom(deriveSeed(DEMO_SEED, 10));
  const documents = `/espaces/${random.uuid()}/documents`;
  random.uuid();
  return { documents, document: `${documents}/${random.uuid()}` };
}

const stamp = Date.now().toString(36);

async function openAs(browser: Browser, login: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await logIn(page, login);
  await page.goto(demoTeam().document);
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

/**
 * A browser's network that the test cuts as an outage does. `context.setOffline` makes Chromium refuse new
 * connections and requests and tells the page it is offline, but an already open websocket goes on carrying messages
 * as if nothing happened. In a real outage that socket stays open too, with nothing getting through: so the
 * collaboration sockets go through a route that, once the network goes down, passes nothing either way and never
 * closes them (a connection lost in an outage stays lost), and that refuses new ones while the collaboration server is
 * out of reach.
 */
async function cuttableNetwork(context: BrowserContext) {
  let collabReachable = true;
  const open = new Set<{ lost: boolean }>();
  await context.routeWebSocket(/\/collab\//, (page) => {
    if (!collabReachable) return void page.close();
    const server = page.connectToServer();
    const socket = { lost: false };
    open.add(socket);
    page.onMessage((message) => !socket.lost && server.send(message));
    server.onMessage((message) => !socket.lost && page.send(message));
  });
  return {
    async down() {
      for (const socket of open) socket.lost = true;
      open.clear();
      collabReachable = false;
      await context.setOffline(true);
    },
    /** The pages load again, the collaboration server cannot be reached yet. */
    async upWithoutCollab() {
      await context.setOffline(false);
    },
    async up() {
      collabReachable = true;
      await context.setOffline(false);
    },
  };
}

const liveStatus = (page: Page) => page.getByRole("status").filter({ hasText: /Enregistré en direct|Hors ligne|Connexion/ });

test("emma writes offline while hugo writes on: both have both once she is back, and her offline edits survive a reload", async ({ browser }) => {
  const emmaContext = await browser.newContext();
  const network = await cuttableNetwork(emmaContext);
  const emma = await emmaContext.newPage();
  await logIn(emma, DEMO_ACCOUNTS.student.login);
  await emma.goto(demoTeam().documents);
  const title = `Brouillon ${stamp}`;
  await emma.getByLabel("Titre du nouveau document").fill(title);
  await emma.getByRole("button", { name: "Créer le document" }).click();
  await expect(emma.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(liveStatus(emma)).toHaveText("Enregistré en direct");
  const hugo = await (await browser.newContext()).newPage();
  await logIn(hugo, DEMO_ACCOUNTS.classmate.login);
  await hugo.goto(emma.url());
  await expect(liveStatus(hugo)).toHaveText("Enregistré en direct");
  const editor = (page: Page) => page.getByRole("textbox", { name: title });
  const type = async (page: Page, text: string) => {
    await editor(page).click();
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Enter");
    await page.keyboard.type(text);
    await expect(editor(page)).toContainText(text);
  };

  await network.down();
  await expect(liveStatus(emma)).toContainText("Hors ligne");
  const offline = `Écrit hors ligne par Emma ${stamp}.`;
  const online = `Écrit en ligne par Hugo ${stamp}.`;
  await type(emma, offline);
  await type(hugo, online);
  // Many times what a relayed edit takes: the cut is real, neither edit crossed.
  await hugo.waitForTimeout(1_500);
  await expect(editor(hugo)).not.toContainText(offline);
  await expect(editor(emma)).not.toContainText(online);

  await network.up();
  await expect(liveStatus(emma)).toHaveText("Enregistré en direct");
  for (const page of [emma, hugo]) {
    await expect(editor(page)).toContainText(offline);
    await expect(editor(page)).toContainText(online);
  }

  // Kept in the browser: written offline, then the page reloaded before the collaboration server could be reached.
  await network.down();
  const kept = `Gardé dans le navigateur ${stamp}.`;
  await type(emma, kept);
  await network.upWithoutCollab();
  await emma.reload();
  await expect(editor(emma)).toContainText(kept);
  await expect(liveStatus(emma)).not.toHaveText("Enregistré en direct");
  await expect(editor(hugo)).not.toContainText(kept);
  await network.up();
  await expect(liveStatus(emma)).toHaveText("Enregistré en direct", { timeout: 20_000 });
  await expect(editor(hugo)).toContainText(kept);
  await expect(editor(emma)).toContainText(online);
});
