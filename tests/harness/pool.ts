import type { Core } from '@strapi/strapi';

interface KnexClient {
  pool: { max: number };
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<unknown>;
}

/**
 * Runs `run` with every connection of Strapi's pool taken, so that any query in it waits for one
 * and gives up after the acquire timeout (DATABASE_CONNECTION_TIMEOUT): what the API meets while
 * its database is saturated or unreachable. The connections are given back afterwards.
 */
export const withPoolExhausted = async (strapi: Core.Strapi, run: () => Promise<void>) => {
  const client = strapi.db.connection.client as unknown as KnexClient;
  const held: unknown[] = [];
  for (let i = 0; i < client.pool.max; i++) held.push(await client.acquireConnection());
  try {
    await run();
  } finally {
    for (const connection of held) await client.releaseConnection(connection);
  }
};
