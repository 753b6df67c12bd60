import request from 'supertest';
import { bootStrapi } from '../harness/strapi';
import { waitFor } from '../harness/wait';
import { bootWithSimulator } from '../harness/with-simulator';

/** The documented settings `triggers` and `triggerSweep` (docs/agencies.md § Coupon triggers). */
describe('coupon trigger settings', () => {
  it('stops startup when a configured trigger names a field the content type lacks', async () => {
    await expect(
      bootStrapi({
        pluginConfig: {
          triggers: [
            {
              key: 'broken',
              name: 'Broken',
              contentType: 'api::signup.signup',
              event: 'create',
              couponCode: 'X1',
              validityDays: 7,
              delivery: 'automatic',
              mapping: { email: 'emailAddress' },
            },
          ],
        },
      })
    ).rejects.toThrow(
      'Invalid clearon plugin config: triggers[0]: mapping.email names no scalar field of api::signup.signup'
    );
  });

  it('triggerSweep.intervalMs: the periodic sweep issues for an entry written behind the document service', async () => {
    const stage = await bootWithSimulator({
      pluginConfig: {
        rateLimit: { enabled: false },
        worker: { pollIntervalMs: 50 },
        triggerSweep: { enabled: true, intervalMs: 1_000, lookbackHours: 1 },
      },
    });
    try {
      const db = stage.app.strapi.db;
      await db.query('api::signup.signup').create({
        data: { documentId: 'sweptbytimer00000000001', email: 'timer@example.se', optIn: true },
      });
      const coupon = await waitFor(
        async () =>
          (await db
            .connection('clearon_coupons')
            .where({ source_document_id: 'sweptbytimer00000000001' })
            .first()) as { status: string; coupon_code: string } | undefined,
        10_000
      );
      expect(coupon.coupon_code).toBe('ENTRY5');
      // And the form's own REST create still answers as Strapi does.
      await request(stage.app.server)
        .post('/api/signups')
        .send({ data: { email: 'rest@example.se', optIn: false } })
        .expect(201);
    } finally {
      await stage.stop();
    }
  });

  it('triggerSweep.enabled: false leaves such an entry alone', async () => {
    const stage = await bootWithSimulator({
      pluginConfig: { triggerSweep: { enabled: false, intervalMs: 1_000, lookbackHours: 1 } },
    });
    try {
      const db = stage.app.strapi.db;
      await db.query('api::signup.signup').create({
        data: { documentId: 'notswept000000000000001', email: 'left@example.se', optIn: true },
      });
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      const rows = await db
        .connection('clearon_coupons')
        .where({ source_document_id: 'notswept000000000000001' });
      expect(rows).toHaveLength(0);
    } finally {
      await stage.stop();
    }
  });
});
