/** @type {import('jest').Config} */
module.exports = {
  // Global options: Jest reads testTimeout and maxWorkers from the root config, not from a project.
  testTimeout: 60_000,
  maxWorkers: 2,
  projects: [
    {
      // The server side: real Strapi on a real database (see tests/harness).
      displayName: 'node',
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
      transformIgnorePatterns: ['/node_modules/', '<rootDir>/playground/dist/'],
      testMatch: ['<rootDir>/tests/**/*.test.ts', '<rootDir>/server/src/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/e2e/'],
      globalSetup: '<rootDir>/tests/harness/global-setup.ts',
    },
    {
      // The admin side: React components in jsdom with Testing Library; no Strapi is booted.
      displayName: 'admin',
      testEnvironment: 'jsdom',
      transform: {
        '^.+\\.(t|j)sx?$': [
          '@swc/jest',
          {
            jsc: {
              parser: { syntax: 'typescript', tsx: true },
              transform: { react: { runtime: 'automatic' } },
              target: 'es2022',
            },
            module: { type: 'commonjs' },
          },
        ],
      },
      transformIgnorePatterns: ['/node_modules/'],
      testMatch: [
        '<rootDir>/admin/**/*.test.ts',
        '<rootDir>/admin/**/*.test.tsx',
        '<rootDir>/tests/admin/**/*.test.tsx',
      ],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/admin/dist/'],
      setupFilesAfterEnv: ['<rootDir>/admin/test-utils/jest.setup.ts'],
    },
  ],
};
