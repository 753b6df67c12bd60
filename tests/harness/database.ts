import fs from 'fs';
import path from 'path';
import { PLAYGROUND_DIR } from './paths';

export type DatabaseClient = 'sqlite' | 'postgres' | 'mysql';

export interface TestDatabase {
  client: DatabaseClient;
  /** Environment variables that point the playground's config/database.ts at this database. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

let counter = 0;

export const databaseClient = (): DatabaseClient => {
  const client = process.env.DATABASE_CLIENT ?? 'sqlite';
  if (client !== 'sqlite' && client !== 'postgres' && client !== 'mysql') {
    throw new Error(`DATABASE_CLIENT must be sqlite, postgres or mysql (got "${client}")`);
  }
  return client;
};

const uniqueName = () =>
  `clearon_t${process.env.JEST_WORKER_ID ?? '0'}_${process.pid}_${Date.now().toString(36)}_${counter++}`;

const createSqlite = async (name: string): Promise<TestDatabase> => {
  const relative = path.join('.tmp', 'tests', `${name}.db`);
  const file = path.join(PLAYGROUND_DIR, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return {
    client: 'sqlite',
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: relative },
    async drop() {
      for (const suffix of ['', '-wal', '-shm', '-journal'])
        fs.rmSync(file + suffix, { force: true });
    },
  };
};

const createPostgres = async (name: string): Promise<TestDatabase> => {
  const { Client } = await import('pg');
  const connection = {
    host: process.env.DATABASE_HOST ?? '127.0.0.1',
    port: Number(process.env.DATABASE_PORT ?? 5432),
    user: process.env.DATABASE_USERNAME ?? 'postgres',
    password: process.env.DATABASE_PASSWORD ?? '',
  };
  const admin = async (sql: string) => {
    const client = new Client({ ...connection, database: 'postgres' });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  return {
    client: 'postgres',
    env: {
      DATABASE_CLIENT: 'postgres',
      DATABASE_HOST: connection.host,
      DATABASE_PORT: String(connection.port),
      DATABASE_USERNAME: connection.user,
      DATABASE_PASSWORD: connection.password,
      DATABASE_NAME: name,
    },
    drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
};

const createMysql = async (name: string): Promise<TestDatabase> => {
  const mysql = await import('mysql2/promise');
  const connection = {
    host: process.env.DATABASE_HOST ?? '127.0.0.1',
    port: Number(process.env.DATABASE_PORT ?? 3306),
    user: process.env.DATABASE_USERNAME ?? 'root',
    password: process.env.DATABASE_PASSWORD ?? '',
  };
  const admin = async (sql: string) => {
    const client = await mysql.createConnection(connection);
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  return {
    client: 'mysql',
    env: {
      DATABASE_CLIENT: 'mysql',
      DATABASE_HOST: connection.host,
      DATABASE_PORT: String(connection.port),
      DATABASE_USERNAME: connection.user,
      DATABASE_PASSWORD: connection.password,
      DATABASE_NAME: name,
    },
    drop: () => admin(`DROP DATABASE IF EXISTS \`${name}\``),
  };
};

/** A fresh, empty database of the kind DATABASE_CLIENT names, private to the caller. */
export const createTestDatabase = async (): Promise<TestDatabase> => {
  const name = uniqueName();
  switch (databaseClient()) {
    case 'postgres':
      return createPostgres(name);
    case 'mysql':
      return createMysql(name);
    default:
      return createSqlite(name);
  }
};
