import request from 'supertest';
import { startSimulator, type Simulator } from '../../simulator/src';
import { formCampaign, publishCampaign } from '../fixtures/campaigns';
import { createIntegration } from '../fixtures/integrations';
import { bootStrapi, type TestApp } from '../harness/strapi';

/**
 * Another plugin's document middleware around the plugin's own, one that hands back a copy of the
 * created participation: the participant still gets their coupon in the answer.
 */
describe('a participation created under another document middleware', () => {
  let app: TestApp;
  let simulator: Simulator;
  let copies = 0;

  beforeAll(async () => {
    simulator = await startSimulator();
    app = await bootStrapi({
      pluginConfig: { buttonWaitMs: 3000, rateLimit: { enabled: false } },
      // Registered before the plugins register theirs: it wraps the plugin's outbox middleware.
      beforeLoad: (strapi) =>
        strapi.documents.use(async (context, next) => {
          const result = await next();
          if (context.uid !== 'plugin::clearon.participation' || context.action !== 'create') {
            return result;
          }
          copies += 1;
          return { ...(result as Record<string, unknown>) } as typeof result;
        }),
    });
    await createIntegration(app, {
      name: 'Simulator',
      endpoint: simulator.endpoint,
      apiKey: 'test-key',
    });
    await publishCampaign(app.strapi, formCampaign('wrapped'));
  });

  afterAll(async () => {
    await app?.stop();
    await simulator?.close();
  });

  it('answers with the issued Button coupon', async () => {
    const { body } = await request(app.server)
      .post('/api/clearon/campaigns/wrapped/participations')
      .send({ answers: { firstname: 'Ada', email: 'ada@example.se', deliveryType: 'email' } })
      .expect(201);
    expect(copies).toBe(1);
    expect(body.data.coupon).toMatchObject({
      status: 'issued',
      delivery: 'button',
      code: expect.stringMatching(/^\d{7}$/),
    });
    expect(body.data.exitScreen.html).toContain(body.data.coupon.code);
  });
});
