/**
 * The admin in French, as a new editor gets there: `DEMO_SEED=admin npm run demo` (the playground
 * enables `fr` and `sv` in playground/src/admin/app.tsx), Chromium, the Profile page's "Interface
 * language", then the plugin's own pages in French. A failing step writes
 * tests/.artifacts/e2e/locales-failed-<step>.png and prints the end of the demo's output.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { BrowserContext, Page } from 'playwright-core';
import {
  ROOT,
  STARTUP_TIMEOUT_MS,
  freePort,
  launchChromium,
  skipGuidedTours,
  startDemo,
  type RunningDemo,
} from './helpers';

const ARTIFACTS = path.join(ROOT, 'tests', '.artifacts', 'e2e');
const UI_TIMEOUT_MS = 60_000;
const ADMIN = { email: 'admin@example.com', password: 'Admin-e2e-pass-1' };
const fr = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'admin', 'src', 'translations', 'fr.json'), 'utf8')
) as Record<string, string>;

describe('the admin panel in French, in Chromium', () => {
  let demo: RunningDemo | undefined;
  let tmpDir: string;
  let browser: BrowserContext;
  let page: Page;
  let base: string;
  let failed: string | null = null;

  const step = (name: string, body: () => Promise<void>, timeout = 5 * 60_000) =>
    it(
      name,
      async () => {
        if (failed) throw new Error(`skipped: the step "${failed}" failed`);
        try {
          await body();
        } catch (error) {
          failed = name;
          fs.mkdirSync(ARTIFACTS, { recursive: true });
          const file = path.join(ARTIFACTS, `locales-failed-${name.replace(/\W+/g, '-')}.png`);
          await page?.screenshot({ path: file, fullPage: true }).catch(() => undefined);
          throw new Error(
            `${(error as Error).message}\n\nscreenshot: ${path.relative(ROOT, file)}\n` +
              `end of the demo's output:\n${demo?.output().slice(-3000) ?? ''}`
          );
        }
      },
      timeout
    );

  const mainMenu = () => page.getByRole('navigation').first();

  beforeAll(async () => {
    const port = await freePort();
    base = `http://localhost:${port}`;
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clearon-locales-e2e-'));
    demo = await startDemo({
      PORT: String(port),
      CLEARON_SIMULATOR_PORT: String(await freePort()),
      DATABASE_FILENAME: path.join(tmpDir, 'locales.db'),
      DEMO_SEED: 'admin',
      DEMO_ADMIN_EMAIL: ADMIN.email,
      DEMO_ADMIN_PASSWORD: ADMIN.password,
    });
    browser = await launchChromium(path.join(tmpDir, 'chromium'), {
      viewport: { width: 1440, height: 860 },
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    page.setDefaultTimeout(UI_TIMEOUT_MS);
    page.setDefaultNavigationTimeout(UI_TIMEOUT_MS);
    await skipGuidedTours(page);
  }, STARTUP_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
    if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
  }, 60_000);

  step('logs in, in English', async () => {
    await page.goto(`${base}/admin`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Login' }).click();
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
