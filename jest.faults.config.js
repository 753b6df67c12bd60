/**
 * `npm run test:faults`: crashes, outages, rate limits, two instances and database failures, against
 * the playground Strapi running in child processes (tests/harness/child-strapi.ts) on the database
 * DATABASE_CLIENT names. The files are named *.faults.ts so that the main `jest` run leaves them
 * out; *.postgres.faults.ts are about PostgreSQL itself (two instances sharing one database, its
 * connections dropped, a server of the test's own restarted) and run when DATABASE_CLIENT=postgres.
 *
 * FAULTS_OUTAGE_MS (default 30000) sets the length of the ClearOn outage mid-burst;
 * FAULTS_LONG_OUTAGE_MS (default 60000) the one of tests/faults/outage.faults.ts.
 */
const client = process.env.DATABASE_CLIENT ?? 'sqlite';

/** @type {import('jest').Config} */
module.exports = {
  displayName: `faults (${client})`,
  testEnvironment: 'node',
  testTimeout: 180_000,
  maxWorkers: 2,
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: ['/node_modules/', '<rootDir>/playground/dist/'],
  testMatch:
    client === 'postgres'
      ? ['<rootDir>/tests/faults/**/*.faults.ts']
      : ['<rootDir>/tests/faults/**/*.faults.ts', '!**/*.postgres.faults.ts'],
  globalSetup: '<rootDir>/tests/harness/global-setup.ts',
};
