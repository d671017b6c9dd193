/**
 * The jest config Stryker runs (npm run mutation): the project's, with
 * ts-jest transpiling only (no type check), which makes each of Stryker's
 * many test runs much faster; `npm test` still type-checks.
 *
 * @type {import('jest').Config}
 */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  // These run other processes over dist/ (which Stryker does not mutate) or
  // only type-check, so they cannot kill a mutant and only cost time.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/bench\\.test\\.ts$', '<rootDir>/test/types/'],
  // TASKPOD_MUTATION_TESTS (a regular expression) narrows the test files,
  // as scripts/mutation.mjs does for each group of modules.
  ...(process.env.TASKPOD_MUTATION_TESTS ? { testRegex: process.env.TASKPOD_MUTATION_TESTS, testMatch: undefined } : {}),
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true, diagnostics: false }] },
};
