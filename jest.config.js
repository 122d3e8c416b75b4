/**
 * Five suites: unit (pure code), integration (functions and the database through the real
 * @cloudbase/node-sdk against the local cloud), component (native WeChat components under
 * miniprogram-simulate), weapp (the built dist/weapp pages under miniprogram-simulate with WeChat's
 * wcc, against a local cloud: tests/weapp/harness) and e2e (Playwright + Debian's Chromium against
 * the H5 build).
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
      displayName: 'weapp',
      // Node, not jsdom: the local cloud, fetch and worker threads run as in production; the
      // harness puts a jsdom document on the global for simulate (tests/weapp/harness/dom.ts).
      testEnvironment: 'node',
      globalSetup: '<rootDir>/tests/setup/build-functions.ts',
      setupFiles: ['<rootDir>/tests/weapp/harness/dom.ts'],
      testMatch: ['<rootDir>/tests/weapp/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/setup/timeouts.ts'],
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
