#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * The install check: the plugin installed the way an agency installs it, into a fresh app.
 *
 *  1. `npm pack`s this repository (builds dist/ first when it is missing);
 *  2. writes a fresh Strapi 5.54 TypeScript app in a temporary folder: the files create-strapi-app's
 *     TypeScript template gives (package.json, tsconfig.json, config/*.ts, src/index.ts, public/),
 *     written here so that the check needs no network (create-strapi-app downloads its template);
 *  3. `npm install --prefer-offline` in it, the tarball included (npm's cache serves the packages);
 *  4. enables the plugin in config/plugins.ts, `strapi build`, `strapi start` with NODE_ENV=production;
 *  5. calls the public API, registers the first admin and calls an admin route of the plugin, creates
 *     and publishes a campaign through the Content Manager's API, and takes part in it.
 *
 * Run: `npm run install-check`. KEEP_INSTALL_CHECK=1 keeps the temporary app for inspection.
 */

const { spawn, spawnSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const rootPackage = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const log = (/** @type {string} */ message) => console.log(`[install-check] ${message}`);

/** @param {string} message */
const fail = (message) => {
  console.error(`[install-check] FAILED: ${message}`);
  process.exitCode = 1;
  throw new Error(message);
};

/**
 * Runs a command to completion; its output goes to ours unless `capture`.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string, env?: NodeJS.ProcessEnv, capture?: boolean }} options
 */
const run = (command, args, { cwd, env = process.env, capture = false }) => {
  log(`$ ${[command, ...args].join(' ')}   (in ${cwd})`);
  const result = spawnSync(command, args, {
    cwd,
    env,
    encoding: 'utf8',
    stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
  });
  if (result.status !== 0) fail(`${command} ${args.join(' ')} exited with ${result.status}`);
  return result.stdout ?? '';
};

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = /** @type {import('net').AddressInfo} */ (server.address());
      server.close(() => resolve(address.port));
    });
  });

/** @param {string} file @param {string} text */
const write = (file, text) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
};

// ---------------------------------------------------------------------------------------------
// The fresh app: what create-strapi-app's TypeScript template holds, minus example content
// ---------------------------------------------------------------------------------------------

/** @param {string} appDir @param {string} tarball */
const writeApp = (appDir, tarball) => {
  const dev = rootPackage.devDependencies;
  write(
    path.join(appDir, 'package.json'),
    `${JSON.stringify(
      {
        name: 'clearon-install-check-app',
        private: true,
        version: '0.1.0',
        description: 'A fresh Strapi app with strapi-plugin-clearon installed from its tarball.',
        scripts: { develop: 'strapi develop', start: 'strapi start', build: 'strapi build' },
        dependencies: {
          '@strapi/strapi': dev['@strapi/strapi'],
          'better-sqlite3': dev['better-sqlite3'],
          react: dev.react,
          'react-dom': dev['react-dom'],
          'react-router-dom': dev['react-router-dom'],
          'styled-components': dev['styled-components'],
          'strapi-plugin-clearon': `file:${path.relative(appDir, tarball)}`,
        },
        devDependencies: {
          '@types/node': dev['@types/node'],
          '@types/react': dev['@types/react'],
          '@types/react-dom': dev['@types/react-dom'],
          typescript: dev.typescript,
        },
        // npm 11 runs no dependency install script unless allowed: better-sqlite3 builds its binding.
        allowScripts: { 'better-sqlite3': true },
        engines: { node: '>=20.0.0 <=24.x.x' },
        strapi: { uuid: false },
      },
      null,
      2
    )}\n`
  );
  write(
    path.join(appDir, 'tsconfig.json'),
    `${JSON.stringify(
      {
        compilerOptions: {
          module: 'CommonJS',
          moduleResolution: 'Node',
          lib: ['ES2020'],
          target: 'ES2019',
          strict: false,
          skipLibCheck: true,
          forceConsistentCasingInFileNames: true,
          incremental: true,
          esModuleInterop: true,
          resolveJsonModule: true,
          noEmitOnError: true,
          noImplicitThis: true,
          outDir: 'dist',
          rootDir: '.',
        },
        include: ['./', './**/*.ts', './**/*.js', 'src/**/*.json'],
        exclude: [
          'node_modules/',
          'build/',
          'dist/',
          '.cache/',
          '.tmp/',
          'src/admin/',
          '**/*.test.*',
          'src/plugins/**',
        ],
      },
      null,
      2
    )}\n`
  );
  write(
    path.join(appDir, 'config', 'server.ts'),
    `export default ({ env }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  app: { keys: env.array('APP_KEYS') },
});
`
  );
  write(
    path.join(appDir, 'config', 'admin.ts'),
    `export default ({ env }) => ({
  auth: { secret: env('ADMIN_JWT_SECRET') },
  apiToken: { salt: env('API_TOKEN_SALT') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY') },
  flags: { nps: env.bool('FLAG_NPS', true), promoteEE: env.bool('FLAG_PROMOTE_EE', true) },
});
`
  );
  write(
    path.join(appDir, 'config', 'database.ts'),
    `import path from 'path';

export default ({ env }) => ({
  connection: {
    client: 'sqlite',
    connection: {
      filename: path.join(__dirname, '..', '..', env('DATABASE_FILENAME', '.tmp/data.db')),
    },
    useNullAsDefault: true,
  },
});
`
  );
  write(
    path.join(appDir, 'config', 'middlewares.ts'),
    `export default [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
`
  );
  write(
    path.join(appDir, 'config', 'api.ts'),
    `export default {
  rest: { defaultLimit: 25, maxLimit: 100, withCount: true },
};
`
  );
  // The one step of docs/agencies.md that is the plugin's own.
  write(
    path.join(appDir, 'config', 'plugins.ts'),
    `export default ({ env }) => ({
  clearon: {
    enabled: true,
    config: {
      defaultCountry: 'SE',
    },
  },
});
`
  );
  write(
    path.join(appDir, 'src', 'index.ts'),
    `// import type { Core } from '@strapi/strapi';

export default {
  register(/* { strapi }: { strapi: Core.Strapi } */) {},
  bootstrap(/* { strapi }: { strapi: Core.Strapi } */) {},
};
`
  );
  write(
    path.join(appDir, 'src', 'admin', 'tsconfig.json'),
    `${JSON.stringify(
      {
        extends: '@strapi/typescript-utils/tsconfigs/admin',
        include: ['../plugins/**/admin/src/**/*', './'],
        exclude: ['node_modules/', 'build/', 'dist/', '**/*.test.ts'],
      },
      null,
      2
    )}\n`
  );
  write(path.join(appDir, 'src', 'api', '.gitkeep'), '');
  write(path.join(appDir, 'database', 'migrations', '.gitkeep'), '');
  write(path.join(appDir, 'public', 'robots.txt'), 'User-Agent: *\nDisallow: /\n');
  write(path.join(appDir, 'public', 'uploads', '.gitkeep'), '');
};

// ---------------------------------------------------------------------------------------------
// Booting and calling it
// ---------------------------------------------------------------------------------------------

/**
 * @param {string} url
 * @param {{ method?: string, token?: string, json?: unknown }} [options]
 */
const call = async (url, options = {}) => {
  /** @type {Record<string, string>} */
  const headers = { Accept: 'application/json' };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.json !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(url, {
    method: options.method ?? 'GET',
    headers,
    body: options.json === undefined ? undefined : JSON.stringify(options.json),
  });
  const text = await response.text();
  let body = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: response.status, body, type: response.headers.get('content-type') ?? '' };
};

/**
 * @param {string} what
 * @param {{ status: number, body: unknown }} response
 * @param {number} status
 */
const expectStatus = (what, response, status) => {
  if (response.status !== status) {
    fail(`${what}: expected ${status}, got ${response.status} ${JSON.stringify(response.body)}`);
  }
  log(`ok   ${what} → ${status}`);
};

/** @param {string} url @param {number} timeoutMs @param {import('child_process').ChildProcess} child */
const waitForHealth = async (url, timeoutMs, child) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) fail(`Strapi exited with ${child.exitCode} while starting`);
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  fail(`${url} did not answer within ${timeoutMs / 1000} s`);
};

/** @param {string} base */
const checks = async (base) => {
  const api = `${base}/api/clearon`;

  expectStatus('GET /api/clearon/campaigns', await call(`${api}/campaigns`), 200);
  expectStatus('GET /api/clearon/campaigns/unknown', await call(`${api}/campaigns/unknown`), 404);

  const adminPage = await call(`${base}/admin`);
  expectStatus('GET /admin (the built admin panel)', adminPage, 200);
  if (!adminPage.type.includes('text/html')) fail(`GET /admin answered ${adminPage.type}`);

  const register = await call(`${base}/admin/register-admin`, {
    method: 'POST',
    json: {
      email: 'agency@example.com',
      password: 'Install-check-1',
      firstname: 'Agency',
      lastname: 'Check',
    },
  });
  expectStatus('POST /admin/register-admin', register, 200);
  const token = /** @type {any} */ (register.body).data.token;

  const integrations = await call(`${base}/clearon/integrations`, { token });
  expectStatus('GET /clearon/integrations (the plugin admin route)', integrations, 200);
  expectStatus(
    'GET /clearon/integrations without a token',
    await call(`${base}/clearon/integrations`),
    401
  );

  // An editor's campaign, through the Content Manager's API, then a participant.
  const model = `${base}/content-manager/collection-types/plugin::clearon.campaign`;
  const created = await call(model, {
    method: 'POST',
    token,
    json: {
      title: 'Install check',
      slug: 'install-check',
      mode: 'identified',
      format: 'form',
      fields: [
        { key: 'email', label: 'Email', type: 'email', required: true },
        { key: 'firstname', label: 'First name', type: 'text' },
      ],
      exitScreens: [
        {
          title: 'Thanks {firstname}!',
          // Strapi Blocks rich text, as the Content Manager's editor sends it.
          body: [
            {
              type: 'paragraph',
              children: [
                { type: 'text', text: 'Welcome ' },
                { type: 'text', text: '{firstname}', bold: true },
              ],
            },
          ],
          match: 'default',
        },
      ],
    },
  });
  expectStatus('POST content-manager campaign (create)', created, 201);
  const documentId = /** @type {any} */ (created.body).data.documentId;
  expectStatus(
    'POST content-manager campaign (publish)',
    await call(`${model}/${documentId}/actions/publish`, { method: 'POST', token, json: {} }),
    200
  );

  const listed = await call(`${api}/campaigns`);
  if (!JSON.stringify(listed.body).includes('install-check')) {
    fail(`the published campaign is not listed: ${JSON.stringify(listed.body)}`);
  }
  expectStatus(
    'GET /api/clearon/campaigns/install-check',
    await call(`${api}/campaigns/install-check`),
    200
  );
  const participation = await call(`${api}/campaigns/install-check/participations`, {
    method: 'POST',
    json: { answers: { email: 'ada@example.com', firstname: 'Ada' } },
  });
  expectStatus('POST /api/clearon/campaigns/install-check/participations', participation, 201);
  const { id, token: participantToken, exitScreen } = /** @type {any} */ (participation.body).data;
  if (
    exitScreen?.title !== 'Thanks Ada!' ||
    exitScreen?.html !== '<p>Welcome <strong>Ada</strong></p>'
  )
    fail(`unexpected exit screen ${JSON.stringify(exitScreen)}`);
  expectStatus(
    'GET /api/clearon/participations/:id?token=',
    await call(`${api}/participations/${id}?token=${encodeURIComponent(participantToken)}`),
    200
  );
  expectStatus(
    'POST participation with an invalid email',
    await call(`${api}/campaigns/install-check/participations`, {
      method: 'POST',
      json: { answers: { email: 'nope' } },
    }),
    400
  );
};

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

const main = async () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'clearon-install-check-'));
  const appDir = path.join(work, 'app');
  /** @type {import('child_process').ChildProcess | null} */
  let strapi = null;
  let ok = false;
  try {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'server', 'index.js'))) {
      run(npm, ['run', 'build'], { cwd: ROOT });
    }
    const packed = run(npm, ['pack', '--silent', '--pack-destination', work], {
      cwd: ROOT,
      capture: true,
    })
      .trim()
      .split('\n')
      .pop();
    const tarball = path.join(work, /** @type {string} */ (packed));
    if (!fs.existsSync(tarball)) fail(`npm pack did not write ${tarball}`);
    log(`packed ${path.basename(tarball)}`);

    writeApp(appDir, tarball);
    const appEnv = {
      ...process.env,
      NODE_ENV: 'production',
      STRAPI_TELEMETRY_DISABLED: 'true',
      BROWSER: 'none',
      APP_KEYS: [1, 2].map(() => crypto.randomBytes(16).toString('base64')).join(','),
      ADMIN_JWT_SECRET: crypto.randomBytes(16).toString('base64'),
      API_TOKEN_SALT: crypto.randomBytes(16).toString('base64'),
      TRANSFER_TOKEN_SALT: crypto.randomBytes(16).toString('base64'),
      ENCRYPTION_KEY: crypto.randomBytes(16).toString('base64'),
      CLEARON_ENCRYPTION_KEY: crypto.randomBytes(32).toString('base64'),
    };
    // Nothing of this repository may leak into the app: no workspace, no plugin path override.
    delete appEnv.CLEARON_PLUGIN_PATH;
    delete appEnv.CLEARON_PLAYGROUND_CONFIG;
    delete appEnv.DATABASE_CLIENT;
    delete appEnv.DATABASE_FILENAME;

    run(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: appDir,
      env: appEnv,
    });
    const installed = JSON.parse(
      fs.readFileSync(
        path.join(appDir, 'node_modules', 'strapi-plugin-clearon', 'package.json'),
        'utf8'
      )
    );
    if (fs.existsSync(path.join(appDir, 'node_modules', 'strapi-plugin-clearon', 'server'))) {
      fail('the tarball carries server/ sources: check "files" in package.json');
    }
    log(`installed strapi-plugin-clearon ${installed.version} from the tarball`);

    const strapiBin = path.join(appDir, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');
    run(process.execPath, [strapiBin, 'build'], { cwd: appDir, env: appEnv });
    const adminBuild = path.join(appDir, 'dist', 'build');
    const bundlesPlugin = fs
      .readdirSync(adminBuild)
      .filter((file) => file.endsWith('.js'))
      .some((file) => fs.readFileSync(path.join(adminBuild, file), 'utf8').includes('clearon'));
    if (!bundlesPlugin) fail('the admin build does not contain the plugin');
    log('ok   the admin build contains the plugin');

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    strapi = spawn(process.execPath, [strapiBin, 'start'], {
      cwd: appDir,
      env: { ...appEnv, HOST: '127.0.0.1', PORT: String(port) },
      stdio: 'inherit',
    });
    await waitForHealth(`${base}/_health`, 180_000, strapi);
    await checks(base);
    ok = true;
    log('PASSED: packed, installed into a fresh Strapi 5.54 TypeScript app, built, booted, called');
  } finally {
    if (strapi && strapi.exitCode === null) {
      const exited = new Promise((resolve) => strapi?.once('exit', resolve));
      strapi.kill('SIGINT');
      const timer = setTimeout(() => strapi?.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    if (process.env.KEEP_INSTALL_CHECK === '1' || !ok) log(`the app is kept in ${appDir}`);
    else fs.rmSync(work, { recursive: true, force: true });
  }
};

main().catch((error) => {
  if (!process.exitCode) console.error(error);
  process.exitCode = 1;
});
