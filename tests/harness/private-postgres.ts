/**
 * A PostgreSQL server of the test's own (initdb in a temporary folder, its own port), so that a test
 * can stop and restart the server without touching the machine's shared one or other suites.
 */
import { execFile } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { promisify } from 'util';
import type { TestDatabase } from './database';
import { freePort } from './ports';

const run = promisify(execFile);

const binDir = () => {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) throw new Error(`No PostgreSQL server binaries under ${root}`);
  return path.join(root, versions[0], 'bin');
};

export interface PrivatePostgres {
  port: number;
  /** One database on this server, for the playground's config. */
  database: TestDatabase;
  /** Stops the server (fast: every connection is cut), waits `downMs`, starts it again. */
  /** Stops the server (every connection cut), calls `whileDown`, and starts it `downMs` later. */
  restart(downMs: number, whileDown?: () => void): Promise<void>;
  stop(): Promise<void>;
}

export const startPrivatePostgres = async (): Promise<PrivatePostgres> => {
  const bin = binDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clearon-pg-'));
  const data = path.join(dir, 'data');
  const port = await freePort();
  // The server refuses to run as root: there it runs as the postgres user.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) fs.chownSync(dir, ...(await postgresIds()));
  const pg = (tool: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args], { cwd: dir })
      : run(path.join(bin, tool), args, { cwd: dir });
  const ctl = (...args: string[]) =>
    pg('pg_ctl', [
      '-D',
      data,
      '-l',
      path.join(dir, 'server.log'),
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
      '-w',
      ...args,
    ]);

  await pg('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  await ctl('start');
  const name = 'clearon';
  const { Client } = await import('pg');
  const admin = new Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();

  const stop = async () => {
    await ctl('stop', '-m', 'fast').catch(() => undefined);
  };
  return {
    port,
    database: {
      client: 'postgres',
      env: {
        DATABASE_CLIENT: 'postgres',
        DATABASE_HOST: '127.0.0.1',
        DATABASE_PORT: String(port),
        DATABASE_USERNAME: 'postgres',
        DATABASE_PASSWORD: '',
        DATABASE_NAME: name,
      },
      drop: async () => undefined,
    },
    async restart(downMs, whileDown) {
      await ctl('stop', '-m', 'fast');
      whileDown?.();
      await new Promise((resolve) => setTimeout(resolve, downMs));
      await ctl('start');
    },
    async stop() {
      await stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
};

const postgresIds = async (): Promise<[number, number]> => {
  const [uid, gid] = await Promise.all([
    run('id', ['-u', 'postgres']),
    run('id', ['-g', 'postgres']),
  ]);
  return [Number(uid.stdout.trim()), Number(gid.stdout.trim())];
};
