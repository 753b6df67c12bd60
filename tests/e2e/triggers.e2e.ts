/**
 * Coupon triggers as a site builder meets them: `npm run demo` (its ClearOn simulator, its
 * integration and its `signup-welcome` trigger), Chromium. An editor creates a trigger on the
 * playground's `Entry` type in Settings → ClearOn → Coupon triggers; an entry posted to Strapi's own
 * `POST /api/entries` gets that coupon, a sign-up posted to `POST /api/signups` gets ENTRY5, and the
 * sign-up's edit view shows its coupon. A failing step writes
 * tests/.artifacts/e2e/triggers-failed-<step>.png and prints the end of the demo's output.
 */
import type { Page } from 'playwright-core';
import { e2eSession } from './session';

interface Received {
  body?: { couponCode?: string; recipient?: { email?: string }; delivery?: string };
}

describe('coupon triggers, in Chromium', () => {
  const { session, step, mainMenu, logIn } = e2eSession({
    name: 'triggers',
    viewport: { width: 1440, height: 900 },
  });
  let page: Page;
  let base: string;
  let simulatorUrl: string;
  let signupId = '';
  beforeAll(() => {
    ({ page, base, simulatorUrl } = session);
  });

  /** What the simulator received for `couponCode`, waited for (the issuer works after the commit). */
  const receivedFor = async (couponCode: string, email: string) => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const record = (await (await fetch(`${simulatorUrl}/__record`)).json()) as {
        received: Received[];
      };
      const found = record.received.find(
        (r) => r.body?.couponCode === couponCode && r.body?.recipient?.email === email
      );
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`ClearOn never got ${couponCode} for ${email}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };

  const postTo = async (route: string, data: Record<string, unknown>) => {
    const response = await fetch(`${base}/api/${route}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ data }),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { data: { documentId: string } }).data;
  };

  step('logs in', async () => {
    await logIn();
    await mainMenu().getByRole('link', { name: 'ClearOn coupons' }).waitFor();
  });

  step('lists the demo’s sign-up trigger, read-only, in Settings → Coupon triggers', async () => {
    await page.goto(`${base}/admin/settings/clearon/triggers`);
    await page.getByText('Sign-up welcome coupon').waitFor();
    await page.getByText('signup-welcome', { exact: true }).waitFor();
  });

  step('creates a trigger on the Entry type in the settings page', async () => {
    await page.getByRole('button', { name: 'Create a trigger' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Key').fill('entry-thanks');
    // Required fields carry an asterisk in their label ("Name*"); "First name field" is another.
    await dialog.getByLabel(/^Name\*?$/).fill('Entry thanks');
    await dialog.getByRole('combobox', { name: 'Content type' }).click();
    await page.getByRole('option', { name: 'Entry', exact: true }).click();
    await dialog.getByLabel('Coupon code').fill('THANKS1');
    await dialog.getByLabel('Validity (days)').fill('');
    await dialog.getByLabel('Validity (days)').fill('7');
    await dialog.getByRole('radio', { name: 'Email', exact: true }).click();
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('entry-thanks', { exact: true }).waitFor();
  });

  step('an entry posted to Strapi’s own POST /api/entries gets the new coupon', async () => {
    await postTo('entries', { firstName: 'Eve', email: 'eve.entry@example.se' });
    const sent = await receivedFor('THANKS1', 'eve.entry@example.se');
    expect(sent.body?.delivery).toBe('email');
  });

  step('an opted-in sign-up (POST /api/signups) gets ENTRY5 from the demo’s trigger', async () => {
    signupId = (await postTo('signups', { firstName: 'Sam', email: 'sam@example.se', optIn: true }))
      .documentId;
    await receivedFor('ENTRY5', 'sam@example.se');
  });

  step('the sign-up’s edit view shows its coupon in the ClearOn panel', async () => {
    await page.goto(
      `${base}/admin/content-manager/collection-types/api::signup.signup/${signupId}`
    );
    await page.getByText('ClearOn coupon', { exact: true }).waitFor();
    await page.getByText('Recipient: s***@example.se').waitFor();
    await page.getByText('Trigger: Sign-up welcome coupon').waitFor();
  });
});
