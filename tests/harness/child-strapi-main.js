'use strict';

/**
 * The child process that tests/harness/child-strapi.ts forks (with `node -r esbuild-register`, so the
 * plugin's TypeScript source loads): boots the compiled playground, listens on PORT, and answers the
 * parent over IPC:
 *   → {type: 'ready', port, pid}                         once Strapi listens
 *   ← {type: 'call', id, module, fn, args}  → {type: 'result', id, ok, value | error}
 *       calls `require(module)[fn](strapi, ...args)` (test-only helpers, e.g. tests/harness/child-ops.ts)
 *   ← {type: 'stop'}                                      strapi.destroy(), then exit 0
 * The parent may also kill -9 it at any time: that is the point.
 */
const { createStrapi } = require('@strapi/strapi');
const { PLAYGROUND_DIR, PLAYGROUND_DIST_DIR } = require('./paths');

const send = (message) => {
  if (process.connected) process.send(message);
};

const main = async () => {
  const strapi = createStrapi({ appDir: PLAYGROUND_DIR, distDir: PLAYGROUND_DIST_DIR });
  strapi.log.level = process.env.CHILD_LOG_LEVEL || 'warn';
  await strapi.start();

  process.on('message', async (message) => {
    if (message?.type === 'stop') {
      await strapi.destroy().catch(() => undefined);
      process.exit(0);
    }
    if (message?.type !== 'call') return;
    try {
      const helpers = require(message.module);
      const value = await helpers[message.fn](strapi, ...(message.args ?? []));
      send({ type: 'result', id: message.id, ok: true, value: value ?? null });
    } catch (error) {
      send({ type: 'result', id: message.id, ok: false, error: String(error?.stack ?? error) });
    }
  });
  // The parent went away without stopping us (e.g. Jest was killed): do not linger.
  process.on('disconnect', () => process.exit(0));

  send({ type: 'ready', port: strapi.server.httpServer.address().port, pid: process.pid });
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
