/**
 * The newcomer's path, end to end: `npm run demo` exactly as the README says (on its own SQLite file
 * and ports), then the participant page in Chromium plays `demo-form` (email delivery, Button coupon)
 * and `demo-quiz` (score 2, Automatic coupon), and the ClearOn simulator's record shows both coupons.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { BrowserContext, Page } from 'playwright-core';
import {
  STARTUP_TIMEOUT_MS,
  freePort,
  launchChromium,
  startDemo,
  waitForText,
  type RunningDemo,
} from './helpers';

interface SimulatorRecord {
  received: { body?: Record<string, unknown> }[];
  coupons: Record<string, unknown>[];
}

/** The participant page's POST (its URL carries `?locale=` since campaigns are localised). */
const isParticipationsPost = (url: string) => new URL(url).pathname.endsWith('/participations');

describe('npm run demo, played in Chromium', () => {
  let demo: RunningDemo | undefined;
  let output = '';
  let tmpDir: string;
  let browser: BrowserContext;
  let page: Page;
  let base: string;
  let simulatorUrl: string;

  const record = async (): Promise<SimulatorRecord> =>
    (await fetch(`${simulatorUrl}/__record`)).json() as Promise<SimulatorRecord>;

  const sentTo = async (couponCode: string) =>
    (await record()).received.filter((r) => r.body?.couponCode === couponCode);

  /** ClearOn (the simulator) was asked for `couponCode`, sent by email to `email`. */
  const expectAskedFor = async (couponCode: string, validityDays: number, email: string) => {
    const requests = await sentTo(couponCode);
    expect(requests.length).toBeGreaterThanOrEqual(1);
    expect(requests[0].body).toMatchObject({
      couponCode,
      validityDays,
      delivery: 'email',
      recipient: expect.objectContaining({ email }),
    });
    return requests;
  };

  beforeAll(async () => {
    const port = await freePort();
    const simulatorPort = await freePort();
    base = `http://localhost:${port}`;
    simulatorUrl = `http://localhost:${simulatorPort}`;
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clearon-demo-e2e-'));

    // The README's command, with a database file and ports of its own.
    demo = await startDemo({
      PORT: String(port),
      CLEARON_SIMULATOR_PORT: String(simulatorPort),
      DATABASE_FILENAME: path.join(tmpDir, 'demo.db'),
    });
    output = demo.output();

    // A fresh profile in the test's temporary folder.
    browser = await launchChromium(path.join(tmpDir, 'chromium'));
    page = browser.pages()[0] ?? (await browser.newPage());
  }, STARTUP_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
    if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
  }, 60_000);

  it('prints the admin URL, working credentials, the participant page and the simulator', async () => {
    expect(output).toContain(`${base}/admin`);
    expect(output).toContain(`Participant page   ${base}/`);
    expect(output).toContain(simulatorUrl);
    const banner = output.slice(output.indexOf('ClearOn demo is running'));
    const email = /email\s+(\S+@\S+)/.exec(banner)?.[1];
    const password = /password\s+(\S+)/.exec(banner)?.[1];
    expect(email).toBe('admin@example.com');
    const login = await fetch(`${base}/admin/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    expect(login.status).toBe(200);
  });

  it('lists the published demo campaigns on the participant page', async () => {
    await page.goto(`${base}/`);
    const links = page.locator('ul.campaigns a');
    await links.first().waitFor();
    const hrefs = await Promise.all((await links.all()).map((link) => link.getAttribute('href')));
    expect(hrefs).toEqual(
      expect.arrayContaining([
        '/?campaign=demo-form',
        '/?campaign=demo-quiz',
        '/?campaign=demo-personality',
      ])
    );
  });

  it('plays demo-form: conditional phone, a field error from the API, then a Button coupon', async () => {
    await page.click('a[href="/?campaign=demo-form"]');
    await page.locator('form').waitFor();

    // The phone field appears only when SMS is chosen.
    const phone = page.locator('#field-phone');
    expect(await phone.isHidden()).toBe(true);
    await page.getByLabel('By SMS').check();
    expect(await phone.isVisible()).toBe(true);
    await page.getByLabel('By email').check();
    expect(await phone.isHidden()).toBe(true);

    // The API's validation message lands next to the field.
    await page.getByLabel('First name').fill('Ada');
    await page.locator('#input-email').fill('not-an-email');
    await page.click('button[type=submit]');
    await waitForText(page.locator('#error-email'), 'must be a valid email address');
    expect(await page.locator('#input-email').getAttribute('aria-invalid')).toBe('true');

    await page.locator('#input-email').fill('ada@example.com');
    await page.click('button[type=submit]');
    await waitForText(page.locator('.exit-title'), 'Thanks Ada!');

    // Issued now, or after the page's polling.
    const code = page.locator('.coupon-code');
    await code.waitFor({ timeout: 60_000 });
    const shown = (await code.textContent())?.trim();
    expect(shown).toMatch(/^\w+$/);
    const redeem = await page.locator('a.redeem').getAttribute('href');
    expect(redeem).toMatch(/^https?:\/\//);
    expect(await page.locator('.coupon .sent').textContent()).toContain('by email');

    // ClearOn (the simulator) was asked for one DEMO10 coupon, sent by email to Ada.
    const requests = await expectAskedFor('DEMO10', 30, 'ada@example.com');
    const references = new Set(requests.map((r) => r.body?.reference));
    expect(references.size).toBe(1);
    const coupons = (await record()).coupons;
    expect(JSON.stringify(coupons)).toContain(shown as string);
  });

  it('sends the answers again after a lost response: the same participation, one coupon', async () => {
    await page.goto(`${base}/?campaign=demo-form`);
    await page.locator('form').waitFor();
    await page.getByLabel('First name').fill('Lou');
    await page.getByLabel('By email').check();
    await page.locator('#input-email').fill('lost-answer@example.com');

    // The server saves the first POST, but its answer never reaches the page.
    const keys: string[] = [];
    // The page adds ?locale= to the URL: match the path.
    const route = (url: URL) => url.pathname === '/api/clearon/campaigns/demo-form/participations';
    await page.route(route, async (intercepted) => {
      keys.push(intercepted.request().headers()['idempotency-key']);
      await intercepted.fetch();
      await intercepted.abort('connectionreset');
    });
    await page.click('button[type=submit]');
    await waitForText(page.locator('#form-error'), /^The server cannot be reached/);
    await page.unroute(route);

    const replayed = page.waitForResponse(
      (response) => isParticipationsPost(response.url()) && response.status() === 201
    );
    await page.click('button[type=submit]');
    expect((await replayed).headers()['idempotent-replayed']).toBe('true');
    await waitForText(page.locator('.exit-title'), 'Thanks Lou!');
    await page.locator('.coupon-code').waitFor({ timeout: 60_000 });

    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    const asked = (await sentTo('DEMO10')).filter(
      (r) => (r.body?.recipient as { email?: string })?.email === 'lost-answer@example.com'
    );
    expect(new Set(asked.map((r) => r.body?.reference)).size).toBe(1);
  });

  it('tells a person who takes part twice that the campaign allows one participation', async () => {
    await page.goto(`${base}/?campaign=demo-form`);
    await page.locator('form').waitFor();
    // The honeypot is in the form for bots, but out of sight and out of reach for people.
    const honeypot = page.locator('#input-website');
    expect(await honeypot.count()).toBe(1);
    const box = await honeypot.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(0); // off screen
    expect(await honeypot.getAttribute('tabindex')).toBe('-1');

    const before = (await sentTo('DEMO10')).length;
    await page.getByLabel('First name').fill('Ada again');
    await page.getByLabel('By email').check();
    await page.locator('#input-email').fill('ADA@example.com');
    const answered = page.waitForResponse((response) => isParticipationsPost(response.url()));
    await page.click('button[type=submit]');
    const response = await answered;
    expect(response.status()).toBe(409);
    await waitForText(page.locator('#form-error'), 'You have already taken part in this campaign.');
    expect((await sentTo('DEMO10')).length).toBe(before);
  });

  it('plays demo-quiz with two right answers: the Automatic coupon is sent by email', async () => {
    await page.goto(`${base}/?campaign=demo-quiz`);
    await page.locator('form').waitFor();
    await page.locator('#input-email').fill('quiz@example.com');
    await page.check('#field-q1 input[value="right"]');
    await page.check('#field-q2 input[value="right"]');
    await page.click('button[type=submit]');

    await waitForText(page.locator('.exit-title'), 'Two out of two!');
    // Automatic: the page never shows the coupon, it says where ClearOn sent it.
    await page.locator('.coupon[data-status="issued"] .sent').waitFor({ timeout: 60_000 });
    await waitForText(page.locator('.coupon .sent'), 'Your coupon has been sent to you by email.');
    expect(await page.locator('.coupon-code').count()).toBe(0);

    await expectAskedFor('QUIZ20', 14, 'quiz@example.com');
    expect(JSON.stringify((await record()).coupons)).toContain('QUIZ20');
  });
});
