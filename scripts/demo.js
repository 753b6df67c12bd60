#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * `npm run demo`: the whole thing in one command.
 *
 *  1. builds what is missing or out of date: the plugin (dist/), the ClearOn simulator
 *     (simulator/dist/), the playground's server code and, when needed, its admin panel;
 *  2. starts the ClearOn simulator (unless CLEARON_ENDPOINT points at a real ClearOn);
 *  3. starts the playground (`strapi start`, SQLite) with CLEARON_DEMO_SEED=true: its bootstrap
 *     (playground/src/demo/) creates the admin user, the integration, the `deliveryType` mapping
 *     variable and the demo campaigns;
 *  4. prints the URLs and credentials; Ctrl-C stops everything.
 *
 * Environment (all optional):
 *   PORT (1337), DATABASE_FILENAME (.tmp/demo.db, relative to playground/), DATABASE_CLIENT (sqlite)
 *   DEMO_ADMIN_EMAIL (admin@example.com), DEMO_ADMIN_PASSWORD (else generated once and kept)
 *   CLEARON_SIMULATOR_PORT (4010)
 *   CLEARON_ENDPOINT, CLEARON_API_KEY, CLEARON_AUTH_HEADER (Authorization): a real ClearOn account
 *   CLEARON_ENCRYPTION_KEY (else generated once and kept)
 *   DEMO_SEED (all): `admin` seeds the admin user only, for an empty app where an editor builds
 *     everything by hand (tests/e2e/admin.e2e.ts); the simulator still starts
 * Generated secrets are kept next to the database, in <database>.demo.json.
 */

const { spawn, spawnSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const http = require('http');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const PLAYGROUND = path.join(ROOT, 'playground');
const STRAPI_BIN = path.join(
  path.dirname(require.resolve('@strapi/strapi/package.json', { paths: [PLAYGROUND] })),
  'bin',
  'strapi.js'
);
const SIMULATOR_CLI = path.join(ROOT, 'simulator', 'dist', 'cli.js');
const SIMULATOR_API_KEY = 'demo-clearon-api-key';

const env = (/** @type {string} */ name) => process.env[name]?.trim() || undefined;

/** Our environment, without the test harness's switch to the plugin's source: the demo runs dist/. */
const appEnv = () => {
  const copy = { ...process.env };
  delete copy.CLEARON_PLUGIN_PATH;
  return copy;
};
const log = (/** @type {string} */ message) => console.log(`[demo] ${message}`);

/** A path relative to the repository when it is inside it, else absolute. */
const shortPath = (/** @type {string} */ file) => {
  const relative = path.relative(ROOT, file);
  return relative.startsWith('..') ? file : relative;
};

// ---------------------------------------------------------------------------------------------
// Building what is missing or out of date
// ---------------------------------------------------------------------------------------------

/** The newest modification time (ms) of the files under `paths` (0 when none exists). */
const newest = (/** @type {string[]} */ ...paths) => {
  let latest = 0;
  const visit = (/** @type {string} */ file) => {
    let stat;
    try {
      stat = fs.statSync(file);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      if (path.basename(file) === 'node_modules') return;
      for (const entry of fs.readdirSync(file)) visit(path.join(file, entry));
    } else latest = Math.max(latest, stat.mtimeMs);
  };
  paths.forEach(visit);
  return latest;
};

const mtime = (/** @type {string} */ file) => {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
};

/** Runs a command to completion, its output on ours; exits the demo when it fails. */
const run = (/** @type {string} */ command, /** @type {string[]} */ args, cwd = ROOT) => {
  log(
    `$ ${[command, ...args].join(' ')}${cwd === ROOT ? '' : `   (in ${path.relative(ROOT, cwd)})`}`
  );
  const result = spawnSync(command, args, {
    cwd,
    stdio: 'inherit',
    env: { ...appEnv(), STRAPI_TELEMETRY_DISABLED: 'true' },
  });
  if (result.status !== 0) {
    console.error(`[demo] failed: ${[command, ...args].join(' ')}`);
    process.exit(result.status ?? 1);
  }
};

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const packageJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

const buildPlugin = () => {
  const built = Math.min(
    mtime(path.join(ROOT, 'dist', 'server', 'index.js')),
    mtime(path.join(ROOT, 'dist', 'admin', 'index.js'))
  );
  const sources = newest(
    path.join(ROOT, 'server', 'src'),
    path.join(ROOT, 'admin', 'src'),
    path.join(ROOT, 'shared'),
    path.join(ROOT, 'package.json')
  );
  if (built === 0 || sources > built) run(npm, ['run', 'build']);
  else log('plugin build is up to date');

  if (env('CLEARON_ENDPOINT')) return;
  if (
    mtime(SIMULATOR_CLI) === 0 ||
    newest(path.join(ROOT, 'simulator', 'src')) > mtime(SIMULATOR_CLI)
  ) {
    if (!packageJson.scripts?.['build:simulator']) {
      console.error('[demo] the ClearOn simulator is missing (simulator/dist/cli.js)');
      process.exit(1);
    }
    run(npm, ['run', 'build:simulator']);
  }
};

/** The admin panel is rebuilt (a few minutes) only when it is missing or older than its inputs. */
const buildPlayground = () => {
  const adminBuilt = mtime(path.join(PLAYGROUND, 'dist', 'build', 'index.html'));
  const adminInputs = newest(
    path.join(ROOT, 'dist', 'admin'),
    path.join(ROOT, 'admin', 'src'),
    path.join(PLAYGROUND, 'src', 'admin'),
    path.join(PLAYGROUND, 'package.json'),
    path.join(PLAYGROUND, 'config', 'admin.ts')
  );
  if (adminBuilt === 0 || adminInputs > adminBuilt) {
    // `strapi build` compiles the server code (TypeScript) and builds the admin panel.
    run(process.execPath, [STRAPI_BIN, 'build'], PLAYGROUND);
  } else {
    log('admin panel build is up to date; compiling the playground server code');
    run(
      process.execPath,
      ['-e', "require('@strapi/strapi').compileStrapi({ appDir: process.cwd() })"],
      PLAYGROUND
    );
  }
};

// ---------------------------------------------------------------------------------------------
// Secrets kept between runs
// ---------------------------------------------------------------------------------------------

const PASSWORD_RULES = [
  [(/** @type {string} */ p) => p.length >= 8, 'at least 8 characters'],
  [(/** @type {string} */ p) => Buffer.byteLength(p) <= 72, 'at most 72 bytes'],
  [(/** @type {string} */ p) => /[a-z]/.test(p), 'a lowercase letter'],
  [(/** @type {string} */ p) => /[A-Z]/.test(p), 'an uppercase letter'],
  [(/** @type {string} */ p) => /\d/.test(p), 'a digit'],
];

/** A strong password that satisfies Strapi's rules (lower, upper, digit, 8 to 72 bytes). */
const generatePassword = () => `${crypto.randomBytes(15).toString('base64url')}-Aa1`;

const databaseFile = () =>
  path.resolve(PLAYGROUND, env('DATABASE_FILENAME') ?? path.join('.tmp', 'demo.db'));

/** Secrets generated on the first run, kept next to the database so that restarts reuse them. */
const loadSecrets = () => {
  const file = `${databaseFile()}.demo.json`;
  /** @type {{ adminPassword?: string, encryptionKey?: string }} */
  let saved = {};
  try {
    saved = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    // first run
  }
  const fromEnv = env('DEMO_ADMIN_PASSWORD');
  if (fromEnv) {
    const missing = PASSWORD_RULES.filter(([ok]) => !ok(fromEnv)).map(([, rule]) => rule);
    if (missing.length > 0) {
      console.error(`[demo] DEMO_ADMIN_PASSWORD needs ${missing.join(', ')}`);
      process.exit(1);
    }
  }
  const secrets = {
    adminPassword: saved.adminPassword ?? generatePassword(),
    encryptionKey: saved.encryptionKey ?? crypto.randomBytes(32).toString('base64'),
  };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  return {
    file,
    adminPassword: fromEnv ?? secrets.adminPassword,
    passwordFromEnv: Boolean(fromEnv),
    encryptionKey: env('CLEARON_ENCRYPTION_KEY') ?? secrets.encryptionKey,
  };
};

// ---------------------------------------------------------------------------------------------
// Child processes
// ---------------------------------------------------------------------------------------------

/** @type {import('child_process').ChildProcess[]} */
const children = [];
let stopping = false;

/** Stops the children (Strapi first, then the simulator) and exits with `code`. */
const stopAll = async (code = 0) => {
  if (stopping) return;
  stopping = true;
  log('stopping…');
  for (const child of [...children].reverse()) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  process.exit(code);
};

/**
 * Starts a long-running child; if it exits on its own, the demo stops.
 * @param {string} name
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} childEnv
 * @param {string} cwd
 */
const start = (name, args, childEnv, cwd) => {
  const child = spawn(process.execPath, args, { cwd, env: childEnv, stdio: 'inherit' });
  children.push(child);
  child.once('exit', (code, signal) => {
    if (stopping) return;
    console.error(`[demo] ${name} exited (${signal ?? `code ${code}`}); stopping the demo`);
    void stopAll(1);
  });
  return child;
};

/** Resolves when `url` answers with a status below 500, or fails after `timeoutMs`. */
const waitForHttp = async (/** @type {string} */ url, timeoutMs) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (stopping) throw new Error('stopped');
    const ok = await new Promise((resolve) => {
      const request = http.get(url, (response) => {
        response.resume();
        resolve((response.statusCode ?? 500) < 500);
      });
      request.on('error', () => resolve(false));
      request.setTimeout(2000, () => request.destroy());
    });
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within ${Math.round(timeoutMs / 1000)} s`);
};

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

const main = async () => {
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  const port = Number(env('PORT') ?? 1337);
  const adminEmail = (env('DEMO_ADMIN_EMAIL') ?? 'admin@example.com').toLowerCase();
  const seed = env('DEMO_SEED') ?? 'all';
  if (seed !== 'all' && seed !== 'admin') {
    console.error(`[demo] DEMO_SEED must be all or admin (got "${seed}")`);
    process.exit(1);
  }
  const realEndpoint = env('CLEARON_ENDPOINT');
  if (realEndpoint && !env('CLEARON_API_KEY')) {
    console.error('[demo] CLEARON_ENDPOINT is set: set CLEARON_API_KEY too');
    process.exit(1);
  }

  buildPlugin();
  buildPlayground();
  const secrets = loadSecrets();

  let endpoint = realEndpoint;
  let apiKey = env('CLEARON_API_KEY');
  let simulatorUrl = null;
  if (!realEndpoint) {
    const simulatorPort = Number(env('CLEARON_SIMULATOR_PORT') ?? 4010);
    simulatorUrl = `http://127.0.0.1:${simulatorPort}`;
    start(
      'the ClearOn simulator',
      [SIMULATOR_CLI, '--port', String(simulatorPort), '--api-key', SIMULATOR_API_KEY],
      process.env,
      ROOT
    );
    await waitForHttp(`${simulatorUrl}/__record`, 15_000);
    endpoint = `${simulatorUrl}/v1/coupons`;
    apiKey = SIMULATOR_API_KEY;
  }

  start(
    'Strapi',
    [STRAPI_BIN, 'start'],
    {
      ...appEnv(),
      PORT: String(port),
      DATABASE_CLIENT: env('DATABASE_CLIENT') ?? 'sqlite',
      DATABASE_FILENAME: databaseFile(),
      CLEARON_DEMO_SEED: seed === 'admin' ? 'admin' : 'true',
      CLEARON_ENDPOINT: endpoint,
      CLEARON_API_KEY: apiKey,
      CLEARON_AUTH_HEADER: env('CLEARON_AUTH_HEADER') ?? 'Authorization',
      CLEARON_ENCRYPTION_KEY: secrets.encryptionKey,
      DEMO_ADMIN_EMAIL: adminEmail,
      DEMO_ADMIN_PASSWORD: secrets.adminPassword,
      STRAPI_TELEMETRY_DISABLED: 'true',
      BROWSER: 'none',
    },
    PLAYGROUND
  );
  await waitForHttp(`http://127.0.0.1:${port}/_health`, 180_000);

  const base = `http://localhost:${port}`;
  console.log(
    [
      '',
      'ClearOn demo is running',
      `  Participant page   ${base}/`,
      `  Admin              ${base}/admin`,
      `    email            ${adminEmail}`,
      `    password         ${secrets.adminPassword}${
        secrets.passwordFromEnv ? '' : `   (generated, kept in ${shortPath(secrets.file)})`
      }`,
      simulatorUrl
        ? `  ClearOn simulator  ${simulatorUrl.replace('127.0.0.1', 'localhost')}   (what it received: ${simulatorUrl.replace('127.0.0.1', 'localhost')}/__record)`
        : `  ClearOn            ${endpoint}`,
      ...(simulatorUrl && seed === 'admin'
        ? [
            `    endpoint         ${simulatorUrl.replace('127.0.0.1', 'localhost')}/v1/coupons`,
            `    API key          ${SIMULATOR_API_KEY}`,
          ]
        : []),
      seed === 'admin'
        ? '  Campaigns          none (DEMO_SEED=admin: build them in the admin)'
        : '  Campaigns          demo-form, demo-quiz, demo-personality',
      'Press Ctrl-C to stop.',
      '',
    ].join('\n')
  );
};

main().catch((error) => {
  console.error(`[demo] ${error instanceof Error ? error.message : String(error)}`);
  void stopAll(1);
});
