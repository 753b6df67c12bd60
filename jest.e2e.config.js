/**
 * End-to-end suites (tests/e2e/): they start the demo as the README says (`npm run demo`) and drive
 * Chromium through it. Run with `npm run test:e2e`; one suite at a time, minutes each.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' },
        module: { type: 'commonjs' },
      },
    ],
  },
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.ts'],
  testTimeout: 20 * 60_000,
  maxWorkers: 1,
};
