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
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true, diagnostics: false }] },
};
