/**
 * `npm run test:browser`: the built playground (playground/dist) in a real
 * headless Chromium. Not part of `npm test`, which needs no browser.
 *
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/browser'],
  testMatch: ['**/*.browser.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'test/browser/tsconfig.json' }] },
  testTimeout: 120_000,
  maxWorkers: 1,
};
