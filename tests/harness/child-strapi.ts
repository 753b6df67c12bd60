import { fork, type ChildProcess } from 'child_process';
import fs from 'fs';
import path from 'path';
import { compileStrapi } from '@strapi/strapi';
import { createTestDatabase, type DatabaseClient, type TestDatabase } from './database';
import { PLAYGROUND_DIR, PLUGIN_SOURCE_ENTRY, ROOT_DIR } from './paths';

/**
 * The playground Strapi in a child process of its own, listening on a real port: for tests and
 * benchmarks that kill -9 Strapi, restart it on the same database, or run two instances on one
 * database. The plugin loads from its TypeScript source (esbuild-register); the playground must be
 * compiled first (tests/harness/global-setup.ts, or `compilePlayground()` below).
 *
 *   const db = await createDatabase('postgres');
 *   const a = await startChildStrapi({ database: db, name: 'a', pluginConfig: { worker: {...} } });
 *   await a.call(OPS, 'setupCampaign', { endpoint, slug: 'x' });   // helpers run inside the child
 *   await fetch(`${a.url}/api/clearon/campaigns/x/participations`, ...);
 *   await a.kill();                                               // SIGKILL, no cleanup
 *   const b = await startChildStrapi({ database: db, name: 'b' });  // same database
 */

export interface ChildStrapiOptions {
  database: TestDatabase;
  /** A label for logs and errors (e.g. "a", "restarted"). */
  name?: string;
  /** Plugin config merged over the playground's (CLEARON_PLAYGROUND_CONFIG). */
  pluginConfig?: Record<string, unknown>;
  env?: Record<string, string>;
  /** Strapi's log level in the child (default warn). */
  logLevel?: string;
  bootTimeoutMs?: number;
  /** Extra flags for node (e.g. ['--cpu-prof', '--cpu-prof-dir=/tmp/prof']). */
  nodeArgs?: string[];
}

export interface ChildStrapi {
  name: string;
  pid: number;
  port: number;
  /** http://127.0.0.1:PORT */
  url: string;
  /** Everything the child wrote to stdout and stderr so far. */
  output(): string;
  /** The child's log file (stdout + stderr), kept under tests/.artifacts/. */
  logFile: string;
  /** Runs `require(module)[fn](strapi, ...args)` in the child and resolves to its (JSON) result. */
  call<T = unknown>(module: string, fn: string, ...args: unknown[]): Promise<T>;
  /** kill -9: no shutdown hook runs. Resolves once the process is gone. */
  kill(): Promise<void>;
  /** A clean stop: strapi.destroy() in the child, then exit. */
  stop(): Promise<void>;
  /** Peak resident set size of the child so far (VmHWM, kB), from /proc. */
  peakRssKb(): number;
  /** False once the process has exited. */
  isRunning(): boolean;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
}

const LAUNCHER = path.join(__dirname, 'child-strapi-main.js');
const ARTIFACTS = path.join(ROOT_DIR, 'tests', '.artifacts');

export const CHILD_ENV: Record<string, string> = {
  NODE_ENV: 'test',
  HOST: '127.0.0.1',
  PORT: '0',
  APP_KEYS: 'testKeyA,testKeyB',
  ADMIN_JWT_SECRET: 'test-admin-jwt-secret',
  API_TOKEN_SALT: 'test-api-token-salt',
  TRANSFER_TOKEN_SALT: 'test-transfer-token-salt',
  ENCRYPTION_KEY: 'test-encryption-key',
  CLEARON_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  STRAPI_TELEMETRY_DISABLED: 'true',
  BROWSER: 'none',
};

/** A fresh database of the given kind (default: DATABASE_CLIENT), private to the caller. */
export const createDatabase = async (client?: DatabaseClient): Promise<TestDatabase> => {
  if (!client) return createTestDatabase();
  const previous = process.env.DATABASE_CLIENT;
  process.env.DATABASE_CLIENT = client;
  try {
    return await createTestDatabase();
  } finally {
    if (previous === undefined) delete process.env.DATABASE_CLIENT;
    else process.env.DATABASE_CLIENT = previous;
  }
};

/** Compiles the TypeScript playground (Strapi loads compiled config only). */
export const compilePlayground = async () => {
  await compileStrapi({ appDir: PLAYGROUND_DIR });
};

let sequence = 0;

export const startChildStrapi = async (options: ChildStrapiOptions): Promise<ChildStrapi> => {
  const name = options.name ?? `strapi${sequence}`;
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const logFile = path.join(ARTIFACTS, `child-${name}-${process.pid}-${sequence++}.log`);
  const log = fs.createWriteStream(logFile);
  let output = '';
  const keep = (chunk: Buffer) => {
    const text = chunk.toString();
    output += text;
    log.write(text);
  };

  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    // Jest's variables would make Strapi think it runs inside Jest.
    if (value !== undefined && !key.startsWith('JEST_')) env[key] = value;
  }
  Object.assign(env, CHILD_ENV, options.database.env, {
    CLEARON_PLUGIN_PATH: PLUGIN_SOURCE_ENTRY,
    CLEARON_PLAYGROUND_CONFIG: JSON.stringify(options.pluginConfig ?? {}),
    CHILD_LOG_LEVEL: options.logLevel ?? 'warn',
    ...options.env,
  });

  const child: ChildProcess = fork(LAUNCHER, [], {
    cwd: ROOT_DIR,
    env,
    execArgv: ['-r', 'esbuild-register', ...(options.nodeArgs ?? [])],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      log.end();
      resolve(code);
    });
  });
  let gone = false;
  void exited.then(() => (gone = true));

  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let nextId = 0;
  child.on(
    'message',
    (message: { type: string; id: number; ok: boolean; value: unknown; error: string }) => {
      if (message.type !== 'result') return;
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if (!waiter) return;
      if (message.ok) waiter.resolve(message.value);
      else waiter.reject(new Error(`[child ${name}] ${message.error}`));
    }
  );
  void exited.then((code) => {
    for (const waiter of pending.values()) {
      waiter.reject(new Error(`[child ${name}] exited (${code}) before answering`));
    }
    pending.clear();
  });

  const ready = await new Promise<{ port: number; pid: number }>((resolve, reject) => {
    const timeout = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`[child ${name}] did not start in time. Output:\n${output.slice(-4000)}`));
    }, options.bootTimeoutMs ?? 120_000);
    child.on('message', (message: { type: string; port: number; pid: number }) => {
      if (message.type !== 'ready') return;
      clearTimeout(timeout);
      resolve(message);
    });
    void exited.then((code) => {
      clearTimeout(timeout);
      reject(new Error(`[child ${name}] exited (${code}) while starting:\n${output.slice(-4000)}`));
    });
  });

  return {
    name,
    pid: ready.pid,
    port: ready.port,
    url: `http://127.0.0.1:${ready.port}`,
    logFile,
    exited,
    output: () => output,
    isRunning: () => !gone,
    call<T>(module: string, fn: string, ...args: unknown[]) {
      if (gone) return Promise.reject(new Error(`[child ${name}] is not running`));
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        child.send({ type: 'call', id, module, fn, args });
      });
    },
    async kill() {
      if (!gone) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (gone) return;
      child.send({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
    peakRssKb() {
      const status = fs.readFileSync(`/proc/${ready.pid}/status`, 'utf8');
      const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
      return match ? Number(match[1]) : 0;
    },
  };
};
