#!/usr/bin/env node
import { parseArgs } from 'util';
import { startSimulator } from './index';

const USAGE = `Usage: clearon-simulator [--port 4010] [--host 127.0.0.1] [--api-key KEY ...]
                         [--auth-header Authorization] [--latency MS]

  --port         port to listen on (env CLEARON_SIMULATOR_PORT, default 4010; 0 = random)
  --host         address to listen on (default 127.0.0.1)
  --api-key      an accepted API key; repeatable (default test-key)
  --auth-header  the header that carries the key (default Authorization)
  --latency      delay in ms before each coupon answer (default 0)

Switches while running: POST /__control, GET /__record (see simulator/README.md).`;

const wholeNumber = (value: string | undefined, name: string, fallback: number) => {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) {
    console.error(`${name} must be a whole number, got "${value}"`);
    process.exit(2);
  }
  return number;
};

const main = async () => {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'api-key': { type: 'string', multiple: true },
      'auth-header': { type: 'string' },
      latency: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = wholeNumber(values.port ?? process.env.CLEARON_SIMULATOR_PORT, '--port', 4010);
  const simulator = await startSimulator({
    port,
    host: values.host,
    apiKeys: values['api-key'],
    authHeaderName: values['auth-header'],
    latencyMs: wholeNumber(values.latency, '--latency', 0),
  });
  console.log(`ClearOn simulator listening at ${simulator.url}`);
  console.log(`Endpoint: ${simulator.endpoint}`);
  console.log(`API key(s): ${(values['api-key'] ?? ['test-key']).join(', ')}`);
  const stop = () => {
    void simulator.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
