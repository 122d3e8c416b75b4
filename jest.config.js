/**
 * Four suites: unit (pure code), integration (functions and the database through the real
 * @cloudbase/node-sdk against the local cloud), component (native WeChat components under
 * miniprogram-simulate) and e2e (Playwright + Debian's Chromium against the H5 build).
 * `npm test` runs them all; `npx jest --selectProjects unit` runs one.
 */
const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    {
      jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2021', transform: { react: { runtime: 'automatic' } } },
      module: { type: 'commonjs' },
    },
  ],
};
const common = {
  transform,
  rootDir: __dirname,
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.local-cloud/'],
  // dayjs and shared/ are ESM-friendly but published as CJS; nothing in node_modules needs transforming.
  transformIgnorePatterns: ['/node_modules/'],
};

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testEnvironment: 'node', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'integration',
      testEnvironment: 'node',
      globalSetup: '<rootDir>/tests/setup/build-functions.ts',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/setup/timeouts.ts'],
    },
    {
      ...common,
      displayName: 'component',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/component/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testEnvironment: 'node',
      globalSetup: '<rootDir>/tests/setup/build-functions.ts',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/setup/timeouts.ts'],
    },
  ],
};
