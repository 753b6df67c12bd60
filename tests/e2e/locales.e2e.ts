/**
 * The admin in French, as a new editor gets there: `DEMO_SEED=admin npm run demo` (the playground
 * enables `fr` and `sv` in playground/src/admin/app.tsx), Chromium, the Profile page's "Interface
 * language", then the plugin's own pages in French. A failing step writes
 * tests/.artifacts/e2e/locales-failed-<step>.png and prints the end of the demo's output.
 */
import fs from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { ROOT } from './helpers';
import { e2eSession } from './session';

const fr = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'admin', 'src', 'translations', 'fr.json'), 'utf8')
) as Record<string, string>;

describe('the admin panel in French, in Chromium', () => {
  const { session, step, mainMenu, logIn } = e2eSession({
    name: 'locales',
    env: { DEMO_SEED: 'admin' },
    viewport: { width: 1440, height: 860 },
  });
  let page: Page;
  let base: string;
  beforeAll(() => {
    ({ page, base } = session);
  });

  step('logs in, in English', async () => {
    await logIn();
    await mainMenu().getByRole('link', { name: 'ClearOn coupons' }).waitFor();
  });

  step('the Profile page offers French and Swedish; the editor picks French', async () => {
    await page.goto(`${base}/admin/me`);
    await page.getByRole('combobox', { name: 'Interface language' }).click();
    await page.getByRole('option', { name: 'Swedish' }).waitFor();
    await page.getByRole('option', { name: 'Français' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    // The admin switches at once: Strapi's own labels and the plugin's menu entry.
    await page.getByRole('combobox', { name: "Langue de l'interface" }).waitFor();
    await mainMenu().getByRole('link', { name: fr['plugin.name'] }).waitFor();
  });

  step("reads the plugin's coupons dashboard in French", async () => {
    await page.goto(`${base}/admin/plugins/clearon`);
    await page.getByRole('heading', { name: fr['dashboard.title'], level: 1 }).waitFor();
  });

  step("reads the plugin's settings in French, after a reload too", async () => {
    await page.goto(`${base}/admin/settings/clearon/integrations`);
    await page
      .getByRole('heading', { name: fr['settings.integrations.title'], level: 1 })
      .waitFor();
    await page.reload();
    await page
      .getByRole('heading', { name: fr['settings.integrations.title'], level: 1 })
      .waitFor();
    await page.getByRole('link', { name: fr['settings.mappingVariables.link'] }).waitFor();
  });
});
