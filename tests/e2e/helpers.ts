/**
 * What the end-to-end suites share: `npm run demo` started on its own ports and SQLite file (stopped
 * with its whole process group), and Chromium on a fresh profile.
 */
import { spawn, type ChildProcess } from 'child_process';
import path from 'path';
import { freePort } from '../harness/ports';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '..', '..');
export { freePort };
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** A first run builds the plugin and the admin panel. */
export const STARTUP_TIMEOUT_MS = 15 * 60_000;

export interface RunningDemo {
  process: ChildProcess;
  /** Everything the demo printed so far (stdout and stderr). */
  output: () => string;
  /** The lines from "ClearOn demo is running" on. */
  banner: () => string;
  /** Ctrl-C to the whole process group; SIGKILL after 30 s. */
  stop: () => Promise<void>;
}

/** `npm run demo` with `env` on top of ours; resolves once its banner is printed. */
export const startDemo = async (env: NodeJS.ProcessEnv): Promise<RunningDemo> => {
  const child = spawn('npm', ['run', 'demo'], {
    cwd: ROOT,
    detached: true, // its own process group: stop() ends npm, the demo and its children
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  const demo: RunningDemo = {
    process: child,
    output: () => output,
    banner: () => output.slice(output.indexOf('ClearOn demo is running')),
    stop: async () => {
      if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid, 'SIGINT');
      const timer = setTimeout(() => {
        try {
          process.kill(-(child.pid as number), 'SIGKILL');
        } catch {
          // already gone
        }
      }, 30_000);
      await exited;
      clearTimeout(timer);
    },
  };

  const started = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the demo did not start in time:\n${output.slice(-4000)}`)),
      STARTUP_TIMEOUT_MS
    );
    const interval = setInterval(() => {
      if (output.includes('ClearOn demo is running')) {
        clearTimeout(timer);
        clearInterval(interval);
        resolve();
      }
    }, 250);
    child.once('exit', (code) => {
      clearTimeout(timer);
      clearInterval(interval);
      reject(new Error(`the demo exited (code ${code}):\n${output.slice(-4000)}`));
    });
  });
  try {
    await started;
  } catch (error) {
    await demo.stop();
    throw error;
  }
  return demo;
};

/** Headless Chromium on a fresh profile in `userDataDir`. */
export const launchChromium = (
  userDataDir: string,
  options: { viewport?: { width: number; height: number } } = {}
): Promise<BrowserContext> =>
  chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: options.viewport,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });

/**
 * Waits until the element's text (trimmed) equals `expected`, or matches it, and returns it. Reading
 * `textContent()` once races the page's own fetch; this polls until the page has caught up.
 */
export const waitForText = async (
  locator: Locator,
  expected: string | RegExp,
  timeoutMs = 30_000
): Promise<string> => {
  const deadline = Date.now() + timeoutMs;
  let last: string | null = null;
  for (;;) {
    last = (await locator.textContent({ timeout: timeoutMs }))?.trim() ?? null;
    if (last !== null && (typeof expected === 'string' ? last === expected : expected.test(last))) {
      return last;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Expected the text ${String(expected)}, the page shows ${JSON.stringify(last)}`
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/**
 * Strapi's guided tour (development environment, first super admin) opens a popover over the page
 * ("Content manager … Step 1 of 4") whenever its tour reaches a step, covering what it points at.
 * Whenever one shows up before an action, this skips that tour as a user would: its "Skip" button,
 * or "Got it" on a last step.
 */
export const skipGuidedTours = async (page: Page): Promise<void> => {
  const popover = page.getByRole('dialog').filter({ has: page.locator('#guided-tour-title') });
  await page.addLocatorHandler(popover, async (tour) => {
    const skip = tour.getByRole('button', { name: 'Skip', exact: true });
    const done = tour.getByRole('button', { name: 'Got it', exact: true });
    await ((await skip.isVisible()) ? skip : done).click();
  });
};
