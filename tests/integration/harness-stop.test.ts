import { bootStrapi } from '../harness/strapi';
import { formCampaign, publishCampaign } from '../fixtures/campaigns';

type TarnPool = { numPendingAcquires(): number; numUsed(): number };

// Strapi reads every created entry back after the commit, unawaited. A stop right after a write
// must wait for that read; otherwise it waits 60 s for a connection from a closed pool and fails
// another test file (CI saw it on MariaDB).
describe('stopping a test Strapi right after writes', () => {
  it('waits for the reads Strapi scheduled after the commits, and leaves no waiting query', async () => {
    const app = await bootStrapi({ pluginConfig: { worker: { enabled: false } } });
    const pool = (app.strapi.db.connection.client as unknown as { pool: TarnPool }).pool;
    const published: string[] = [];
    try {
      await publishCampaign(app.strapi, formCampaign('stop-0'));
      app.strapi.eventHub.on('entry.publish', async ({ entry }: { entry: { slug: string } }) => {
        published.push(entry.slug);
      });
      await Promise.all(
        [1, 2, 3, 4, 5].map((i) => publishCampaign(app.strapi, formCampaign(`stop-${i}`)))
      );
    } finally {
      await app.stop();
    }

    expect(published.filter((slug) => slug !== 'stop-0').sort()).toEqual([
      'stop-1',
      'stop-2',
      'stop-3',
      'stop-4',
      'stop-5',
    ]);
    expect(pool.numPendingAcquires()).toBe(0);
    expect(pool.numUsed()).toBe(0);
  });
});
