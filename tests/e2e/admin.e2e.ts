/**
 * The editor's path in the real admin panel, end to end: `DEMO_SEED=admin npm run demo` (the built
 * admin, a real Strapi on its own SQLite file, the ClearOn simulator; only the admin user is seeded)
 * and Chromium. The editor configures an integration and tests it, creates the `deliveryType`
 * mapping variable, builds and publishes an identified form campaign with a coupon on its exit
 * screen, and follows the coupons on the dashboard: issued, dead while ClearOn fails, issued again
 * after Retry. A user without the coupons permissions sees neither the menu entry nor the page.
 *
 * Each step writes docs/screenshots/<nn>-<step>.png (docs/editors.md shows them). A failing step
 * writes tests/.artifacts/e2e/admin-failed-<step>.png and prints the end of the demo's output; the
 * steps after it are skipped.
 */
import fs from 'fs';
import path from 'path';
import type { Locator, Page } from 'playwright-core';
import { ROOT } from './helpers';
import { ADMIN, UI_TIMEOUT_MS, e2eSession } from './session';

const SCREENSHOTS = path.join(ROOT, 'docs', 'screenshots');
const VIEWPORT = { width: 1440, height: 860 }; // the coupons table fits, Retry included
const EDITOR = { email: 'eddie.editor@example.com', password: 'Editor-e2e-pass-1' };
const CAMPAIGN = { title: 'Summer coupon', slug: 'summer-coupon' };
const COUPON_CODE = 'SUMMER10';

/**
 * Retryable failures used up quickly: a coupon goes `dead` 2 s after it was written. The circuit
 * breaker is kept out of the way (a high threshold): this flow shows a dead coupon, not an outage.
 */
const PLUGIN_CONFIG = {
  worker: {
    retryForMs: 2_000,
    backoffBaseMs: 50,
    backoffMaxMs: 100,
    pollIntervalMs: 100,
    circuit: { failureThreshold: 1_000 },
  },
};

interface Participation {
  id: string;
  token: string;
  exitScreen: { title: string; blocks: unknown[]; html: string } | null;
  coupon: { status: string; code?: string } | null;
}

interface SimulatorRecord {
  received: { status?: number; body?: Record<string, unknown> }[];
}

describe('the editor in the admin panel, in Chromium', () => {
  // The demo, without its integration, mapping variable and campaigns: the editor makes them.
  const { session, step, mainMenu, logIn } = e2eSession({
    name: 'admin',
    env: { DEMO_SEED: 'admin', CLEARON_PLAYGROUND_CONFIG: JSON.stringify(PLUGIN_CONFIG) },
    viewport: VIEWPORT,
  });
  let page: Page;
  let base: string;
  let simulatorUrl: string;
  let endpoint: string;
  let apiKey: string;

  /** docs/screenshots/<name>.png of the viewport, once animations have settled. */
  const shot = async (name: string) => {
    await page.mouse.move(VIEWPORT.width - 5, VIEWPORT.height - 5); // no hover tooltip
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), animations: 'disabled' });
  };

  const control = async (body: Record<string, unknown>) => {
    const response = await fetch(`${simulatorUrl}/__control`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
  };

  const record = async () =>
    (await (await fetch(`${simulatorUrl}/__record`)).json()) as SimulatorRecord;

  /** A participant takes part, as a site's page does (docs/site-builders.md). */
  const participate = async (email: string) => {
    const response = await fetch(`${base}/api/clearon/campaigns/${CAMPAIGN.slug}/participations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ answers: { email, deliveryType: 'email' } }),
    });
    const text = await response.text();
    expect({ status: response.status, body: text }).toEqual({ status: 201, body: text });
    return JSON.parse(text) as { data: Participation };
  };

  /** The participation as the page sees it once its coupon is issued (it polls the same way). */
  const issuedParticipation = async ({ id, token }: Participation) => {
    for (let tries = 0; ; tries += 1) {
      const response = await fetch(`${base}/api/clearon/participations/${id}`, {
        headers: { Accept: 'application/json', 'X-Participation-Token': token },
      });
      expect(response.status).toBe(200);
      const { data } = (await response.json()) as { data: Participation };
      if (data.coupon?.status !== 'pending' || tries >= 60) return data;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  };

  const login = async (who: { email: string; password: string }) => {
    await logIn(who);
    await page.getByRole('navigation').getByRole('link', { name: 'Home' }).waitFor();
  };

  /** The Content Manager's inputs are named by their path (`fields.1.options.0.value`). */
  const input = (name: string) => page.locator(`[name="${name}"]`);
  const choose = async (name: string, option: string) => {
    await input(name).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  };
  /**
   * Adds an entry to the repeatable component labelled `attribute` inside `scope`: its block is the
   * label "Form fields (2)" (the plugin's Content Manager labels), the entries and "Add an entry" (the last one in the block, after the entries'
   * own nested blocks); while empty, the block is a single "No entry yet" button.
   */
  const addEntry = async (scope: Locator, attribute: string) => {
    const label = scope.locator('label', { hasText: new RegExp(`^${attribute}\\s*\\(\\d+\\)`) });
    const block = label.locator('xpath=ancestor::div[4]');
    const count = Number(/\((\d+)\)/.exec((await label.textContent()) ?? '')?.[1]);
    if (count === 0) {
      await block.getByRole('button', { name: 'No entry yet. Click to add one.' }).click();
    } else {
      await block.getByRole('button', { name: 'Add an entry' }).last().click();
    }
    await label.filter({ hasText: `(${count + 1})` }).waitFor();
  };
  /** The expanded entry of a repeatable component holding the input `name`. */
  const entryOf = (name: string) =>
    page
      .getByRole('region')
      .filter({ has: input(name) })
      .last();

  const dashboard = () => ({ table: page.getByRole('grid', { name: 'Coupons, newest first' }) });
  /** Waits until the status card `status` shows `count`. */
  const expectCount = async (status: 'Pending' | 'Issued' | 'Failed' | 'Dead', count: number) =>
    page
      .getByRole('region', { name: status })
      .getByText(String(count), { exact: true })
      .waitFor({ timeout: UI_TIMEOUT_MS });

  beforeAll(() => {
    ({ page, base } = session);
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const banner = session.demo.banner();
    simulatorUrl = /ClearOn simulator\s+(http:\/\/\S+)/.exec(banner)?.[1] ?? '';
    endpoint = /endpoint\s+(http:\/\/\S+)/.exec(banner)?.[1] ?? '';
    apiKey = /API key\s+(\S+)/.exec(banner)?.[1] ?? '';
    if (!simulatorUrl || !endpoint || !apiKey) {
      throw new Error(`the demo's banner lacks the simulator's URL, endpoint or key:\n${banner}`);
    }
  });

  step('logs in as the admin', async () => {
    await logIn(ADMIN, () => shot('01-login'));
    await mainMenu().getByRole('link', { name: 'ClearOn coupons' }).waitFor();
    // Strapi's own announcement banner would hide the top of every screenshot.
    const closeBanner = page.getByRole('button', { name: 'Close the banner.' });
    if (await closeBanner.isVisible()) await closeBanner.click();
  });

  step('configures an integration pointing at the simulator', async () => {
    await mainMenu().getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('link', { name: 'Integrations' }).click();
    await page.getByRole('heading', { name: 'ClearOn integrations' }).waitFor();
    await page.getByRole('button', { name: 'Configure an integration' }).first().click();

    const dialog = page.getByRole('dialog', { name: 'Configure a ClearOn integration' });
    await dialog.getByLabel('Display name').fill('ClearOn Sweden');
    await dialog.getByLabel('ClearOn endpoint').fill(endpoint);
    await dialog.getByLabel('API key').fill(apiKey);
    await dialog.getByRole('checkbox', { name: 'Use as the default integration' }).check();
    await shot('02-integration-form');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByRole('row', { name: /ClearOn Sweden/ });
    await row.getByText('Default', { exact: true }).waitFor();
    await row.getByText('Not tested yet').waitFor();
  });

  step('tests the connection with a coupon code: it works', async () => {
    await page.getByRole('button', { name: 'Test the connection of ClearOn Sweden' }).click();
    const dialog = page.getByRole('dialog', { name: 'Test the connection of ClearOn Sweden' });
    await dialog.getByLabel('Coupon code').fill(COUPON_CODE);
    await dialog.getByRole('button', { name: 'Run the test' }).click();
    await dialog.getByText('The connection works').waitFor();
    await dialog.getByText('ClearOn accepted the API key and knows this coupon code.').waitFor();
    await shot('03-test-connection-ok');
    await dialog.getByRole('button', { name: 'Close' }).last().click();
    await dialog.waitFor({ state: 'hidden' });
    await page
      .getByRole('row', { name: /ClearOn Sweden/ })
      .getByText('Working')
      .waitFor();

    // The test was a dry run at ClearOn: nothing issued.
    const received = (await record()).received;
    expect(received.map((r) => r.body)).toEqual([
      expect.objectContaining({ couponCode: COUPON_CODE, dryRun: true }),
    ]);
  });

  step('creates the deliveryType mapping variable', async () => {
    await page.getByRole('link', { name: 'Mapping variables' }).click();
    await page.getByRole('heading', { name: 'Mapping variables' }).waitFor();
    await page.getByRole('button', { name: 'Create a mapping variable' }).first().click();

    const dialog = page.getByRole('dialog', { name: 'Create a mapping variable' });
    await dialog.getByLabel('Display label').fill('Delivery type');
    await dialog.getByLabel('Technical name').fill('deliveryType');
    await dialog.getByRole('radio', { name: 'Answer' }).check();
    await expect(
      dialog.getByRole('checkbox', { name: 'Available in forms' }).isChecked()
    ).resolves.toBe(true);
    await shot('04-mapping-variable');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page
      .getByRole('row', { name: /Delivery type/ })
      .getByText('deliveryType')
      .waitFor();
    await shot('05-mapping-variables');
  });

  step('creates an identified form campaign: email and a delivery choice', async () => {
    await mainMenu().getByRole('link', { name: 'Content Manager' }).click();
    await page.getByRole('link', { name: 'Campaign', exact: true }).click();
    await page
      .getByRole('link', { name: /Create new entry/ })
      .first()
      .click();
    await input('title').fill(CAMPAIGN.title);
    await input('slug').fill(CAMPAIGN.slug);
    // Identified and Form are the defaults; the editor checks them.
    await expect(input('mode').textContent()).resolves.toContain('identified');
    await expect(input('format').textContent()).resolves.toContain('form');

    const main = page.locator('main');
    await addEntry(main, 'Form fields');
    await input('fields.0.key').fill('email');
    await input('fields.0.label').fill('Email');
    await choose('fields.0.type', 'email');
    await input('fields.0.required').check({ force: true });

    await addEntry(main, 'Form fields');
    await input('fields.1.key').fill('deliveryType');
    await input('fields.1.label').fill('How would you like your coupon?');
    await choose('fields.1.type', 'choice');
    await input('fields.1.required').check({ force: true });
    // The mapping variable is picked from the defined ones, shown by label and technical name.
    await entryOf('fields.1.key')
      .getByRole('combobox', { name: /^Mapping variable/ })
      .click();
    await page.getByRole('option', { name: 'Delivery type (deliveryType)', exact: true }).click();
    await expect(input('fields.1.mappingVariable').textContent()).resolves.toContain(
      'Delivery type (deliveryType)'
    );
    const deliveryField = entryOf('fields.1.key');
    await addEntry(deliveryField, 'Options');
    await input('fields.1.options.0.label').fill('By SMS');
    await input('fields.1.options.0.value').fill('sms');
    await addEntry(deliveryField, 'Options');
    await input('fields.1.options.1.label').fill('By email');
    await input('fields.1.options.1.value').fill('email');
    await input('fields.1.mappingVariable').scrollIntoViewIfNeeded();
    await shot('06-campaign-form-fields');

    await addEntry(main, 'Exit screens');
    await input('exitScreens.0.title').fill('Thanks!');
    // The body is Strapi's rich-text (Blocks) editor: a Slate contenteditable, typed into.
    const body = entryOf('exitScreens.0.title').locator('[data-slate-editor="true"]');
    await body.click();
    await page.keyboard.type('Here is your coupon: ');
    await page.keyboard.press('ControlOrMeta+b');
    await page.keyboard.type('{coupon.code}');
    await body.getByText('{coupon.code}').waitFor();
  });

  step('inserts a coupon: 1.5 days refused, Automatic alert, then Button', async () => {
    const insert = page.getByRole('button', { name: 'Insert a ClearOn coupon' });
    await insert.scrollIntoViewIfNeeded();
    await expect(insert.isEnabled()).resolves.toBe(true);
    await insert.click();

    const dialog = page.getByRole('dialog', { name: 'Insert a ClearOn coupon' });
    await dialog.getByLabel('Coupon code').fill(COUPON_CODE);
    await dialog.getByLabel('Validity in days').fill('1.5');
    await dialog.getByRole('button', { name: 'Insert' }).click();
    await dialog.getByText('The validity must be a whole number of days').waitFor();
    await expect(dialog.isVisible()).resolves.toBe(true); // refused: still open
    await shot('07-coupon-validity-refused');

    await dialog.getByRole('radio', { name: 'Automatic' }).click();
    const alert = dialog.getByText(
      'The coupon is generated and sent by ClearOn by email/SMS. It cannot be previewed on the exit screen.'
    );
    await alert.waitFor();
    await shot('08-coupon-automatic-alert');

    await dialog.getByRole('radio', { name: 'Button' }).click();
    await alert.waitFor({ state: 'hidden' });
    await dialog.getByLabel('Validity in days').fill('30');
    await expect(dialog.getByRole('combobox').textContent()).resolves.toContain(
      'Default integration (ClearOn Sweden)'
    );
    await shot('09-coupon-button');
    await dialog.getByRole('button', { name: 'Insert' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The card replaces the button: one coupon per exit screen.
    const edit = page.getByRole('button', { name: `Edit the coupon ${COUPON_CODE}` });
    await edit.scrollIntoViewIfNeeded();
    await page.getByRole('button', { name: `Delete the coupon ${COUPON_CODE}` }).waitFor();
    await expect(insert.count()).resolves.toBe(0);
    await shot('10-coupon-inserted');
  });

  step('saves and publishes the campaign', async () => {
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const saved = page.getByText('Saved document');
    await saved.waitFor();
    await saved.waitFor({ state: 'hidden' }); // one toast at a time in the screenshot
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByText('Published document').waitFor();
    await page.getByRole('heading', { name: CAMPAIGN.title }).scrollIntoViewIfNeeded();
    await shot('11-campaign-published');

    const response = await fetch(`${base}/api/clearon/campaigns/${CAMPAIGN.slug}`);
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as {
      data: { mode: string; fields: { key: string; options?: { value: string }[] }[] };
    };
    expect(data.mode).toBe('identified');
    expect(data.fields.map((field) => field.key)).toEqual(['email', 'deliveryType']);
    expect(data.fields[1].options?.map((option) => option.value)).toEqual(['sms', 'email']);
  });

  step('a participation through the public API gets an issued coupon', async () => {
    const participation = await issuedParticipation((await participate('ada@example.com')).data);
    // The exit screen's rich text, with the coupon's code filled in: as blocks and as HTML.
    const code = participation.coupon?.code;
    expect(code).toMatch(/^\S+$/);
    expect(participation.exitScreen?.html).toBe(
      `<p>Here is your coupon: <strong>${code}</strong></p>`
    );
    expect(participation.exitScreen?.blocks).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Here is your coupon: ' },
          { type: 'text', text: code, bold: true },
        ],
      },
    ]);

    await mainMenu().getByRole('link', { name: 'ClearOn coupons' }).click();
    await page.getByRole('heading', { name: 'ClearOn coupons' }).waitFor();
    await expectCount('Issued', 1);
    const row = dashboard().table.getByRole('row', { name: /a\*\*\*@example\.com/ });
    await row.getByText('Issued', { exact: true }).waitFor();
    await row.getByText(CAMPAIGN.title).waitFor();
    await shot('12-dashboard-issued');

    const issuing = (await record()).received.filter((r) => !r.body?.dryRun);
    expect(issuing[0]?.body).toMatchObject({
      couponCode: COUPON_CODE,
      validityDays: 30,
      delivery: 'email',
      recipient: expect.objectContaining({ email: 'ada@example.com' }),
    });
  });

  step('ClearOn fails on every request: the next coupon ends dead', async () => {
    await control({ failNext: { count: 100, status: 500 } });
    await participate('bob@example.com');

    await page.reload();
    await expectCount('Dead', 1);
    const row = dashboard().table.getByRole('row', { name: /b\*\*\*@example\.com/ });
    await row.getByText('Dead', { exact: true }).waitFor();
    await row.getByText('ClearOn had a server error').waitFor();
    await expectCount('Issued', 1);
    await shot('13-dashboard-dead');
  });

  step('ClearOn is fixed: Retry issues the dead coupon', async () => {
    await control({ reset: true });
    const row = dashboard().table.getByRole('row', { name: /b\*\*\*@example\.com/ });
    await row.getByRole('button', { name: /^Retry the coupon / }).click();
    await expectCount('Issued', 2);
    await expectCount('Dead', 0);
    await row.getByText('Issued', { exact: true }).waitFor();
    await shot('14-dashboard-retried');
  });

  step(
    'an editor without the coupons permissions sees neither the menu entry nor the page',
    async () => {
      // A role and a user made over the admin API with the super admin's token, as Settings →
      // Roles / Users would; the user sets their password through the invitation (registration).
      const json = { 'Content-Type': 'application/json' };
      const adminLogin = await fetch(`${base}/admin/login`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify(ADMIN),
      });
      const token = ((await adminLogin.json()) as { data: { token: string } }).data.token;
      const auth = { ...json, Authorization: `Bearer ${token}` };
      const call = async (
        method: string,
        url: string,
        body: unknown,
        headers: Record<string, string> = auth
      ) => {
        const response = await fetch(`${base}${url}`, {
          method,
          headers,
          body: JSON.stringify(body),
        });
        const text = await response.text();
        if (!response.ok) throw new Error(`${method} ${url}: HTTP ${response.status} ${text}`);
        return JSON.parse(text) as { data: Record<string, unknown> };
      };

      const role = await call('POST', '/admin/roles', {
        name: 'Campaign editor',
        description: 'Campaigns and the ClearOn settings, not the coupons',
      });
      await call('PUT', `/admin/roles/${role.data.id}/permissions`, {
        permissions: [
          {
            action: 'plugin::clearon.settings.read',
            subject: null,
            properties: {},
            conditions: [],
          },
          {
            action: 'plugin::content-manager.explorer.read',
            subject: 'plugin::clearon.campaign',
            properties: {},
            conditions: [],
          },
        ],
      });
      const user = await call('POST', '/admin/users', {
        firstname: 'Eddie',
        lastname: 'Editor',
        email: EDITOR.email,
        roles: [role.data.id],
      });
      await call(
        'POST',
        '/admin/register',
        {
          registrationToken: user.data.registrationToken,
          userInfo: { firstname: 'Eddie', lastname: 'Editor', password: EDITOR.password },
        },
        json
      );

      // The admin logs out; the editor logs in.
      await page.getByRole('button', { name: /Demo Admin/ }).click();
      await page.getByRole('menuitem', { name: 'Log out' }).click();
      await page.getByLabel('Email').waitFor();
      await login(EDITOR);
      await mainMenu().getByRole('link', { name: 'Content Manager' }).waitFor();
      await expect(mainMenu().getByRole('link', { name: 'ClearOn coupons' }).count()).resolves.toBe(
        0
      );
      await shot('15-editor-menu');

      await page.goto(`${base}/admin/plugins/clearon`);
      await page.getByText("You don't have the permissions to access that content").waitFor();
      await expect(dashboard().table.count()).resolves.toBe(0);
      await shot('16-editor-no-permission');

      // The API behind the page refuses too.
      const editorLogin = await fetch(`${base}/admin/login`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify(EDITOR),
      });
      const editorToken = ((await editorLogin.json()) as { data: { token: string } }).data.token;
      const coupons = await fetch(`${base}/clearon/coupons`, {
        headers: { Authorization: `Bearer ${editorToken}` },
      });
      expect(coupons.status).toBe(403);
    }
  );
});
