/**
 * One end-to-end suite's set-up: `npm run demo` on its own ports and SQLite file, Chromium on a
 * fresh profile with Strapi's guided tours skipped, and `step()`: a test that is skipped after an
 * earlier step failed, and that on failure saves a screenshot to
 * tests/.artifacts/e2e/<name>-failed-<step>.png and prints the end of the demo's output.
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
/** The machine is slow and shared: UI waits are generous. */
export const UI_TIMEOUT_MS = 60_000;
export const ADMIN = { email: 'admin@example.com', password: 'Admin-e2e-pass-1' };

export interface SessionOptions {
  /** Names the temporary folder, the database file and the failure screenshots. */
  name: string;
  /** The demo's environment on top of its ports, database file and admin credentials. */
  env?: NodeJS.ProcessEnv;
  viewport?: { width: number; height: number };
}

export interface E2eSession {
  page: Page;
  /** `http://localhost:<port>` of the demo's Strapi. */
  base: string;
  /** The demo's ClearOn simulator. */
  simulatorUrl: string;
  demo: RunningDemo;
}

/** Registers the suite's beforeAll/afterAll; the session's fields are set once beforeAll ran. */
export const e2eSession = ({ name, env = {}, viewport }: SessionOptions) => {
  const session = {} as E2eSession;
  let tmpDir = '';
  let browser: BrowserContext | undefined;
  let failed: string | null = null;

  beforeAll(async () => {
    const port = await freePort();
    const simulatorPort = await freePort();
    session.base = `http://localhost:${port}`;
    session.simulatorUrl = `http://localhost:${simulatorPort}`;
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), `clearon-${name}-e2e-`));
    session.demo = await startDemo({
      PORT: String(port),
      CLEARON_SIMULATOR_PORT: String(simulatorPort),
      DATABASE_FILENAME: path.join(tmpDir, `${name}.db`),
      DEMO_ADMIN_EMAIL: ADMIN.email,
      DEMO_ADMIN_PASSWORD: ADMIN.password,
      ...env,
    });
    browser = await launchChromium(path.join(tmpDir, 'chromium'), { viewport });
    session.page = browser.pages()[0] ?? (await browser.newPage());
    session.page.setDefaultTimeout(UI_TIMEOUT_MS);
    session.page.setDefaultNavigationTimeout(UI_TIMEOUT_MS);
    await skipGuidedTours(session.page);
  }, STARTUP_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    await browser?.close();
    await session.demo?.stop();
    if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
  }, 60_000);

  /** One step of the flow: skipped after a failure; on failure, a screenshot and the demo's log. */
  const step = (title: string, body: () => Promise<void>, timeout = 5 * 60_000) =>
    it(
      title,
      async () => {
        if (failed) throw new Error(`skipped: the step "${failed}" failed`);
        try {
          await body();
        } catch (error) {
          failed = title;
          fs.mkdirSync(ARTIFACTS, { recursive: true });
          const file = path.join(ARTIFACTS, `${name}-failed-${title.replace(/\W+/g, '-')}.png`);
          await session.page?.screenshot({ path: file, fullPage: true }).catch(() => undefined);
          throw new Error(
            `${(error as Error).message}\n\nscreenshot: ${path.relative(ROOT, file)}\n` +
              `end of the demo's output:\n${session.demo?.output().slice(-3000) ?? ''}`
          );
        }
      },
      timeout
    );

  const mainMenu = () => session.page.getByRole('navigation').first();

  /** Logs in on the admin's login page; `beforeSubmit` runs once the form is filled. */
  const logIn = async (
    who: { email: string; password: string } = ADMIN,
    beforeSubmit?: () => Promise<void>
  ) => {
    const { page } = session;
    await page.goto(`${session.base}/admin`);
    await page.getByLabel('Email').fill(who.email);
    await page.getByLabel('Password').fill(who.password);
    await beforeSubmit?.();
    await page.getByRole('button', { name: 'Login' }).click();
  };

  return { session, step, mainMenu, logIn };
};
