/**
 * One jest run over the whole repository. The workspace's own modules are the build's (`dist/`,
 * brought up to date by `tsc -b` before the run), loaded once per worker with Node's own require
 * (scripts/jest-built-modules.cjs); test files are compiled by swc with decorator metadata.
 */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

module.exports = {
  testEnvironment: '<rootDir>/scripts/jest-environment.cjs',
  roots: ['<rootDir>/gateway', '<rootDir>/services', '<rootDir>/packages'],
  testMatch: ['**/?(*.)test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: {
    // Our modules as built, loaded once per worker (scripts/jest-built-modules.cjs); test files and
    // the ES-module-only packages below compiled by swc.
    '/(gateway|services/[^/]+|packages/(?!dashboard/)[^/]+)/src/(?!.*\\.test\\.ts$).*\\.ts$': '<rootDir>/scripts/jest-built-modules.cjs',
    '^.+\\.(t|j|mj|cj)s$': ['@swc/jest', swc],
  },
  globalSetup: '<rootDir>/scripts/jest-build.cjs',
  // jose, marked and @faker-js/faker ship ES modules only, and PGlite's CommonJS build (.cjs) loads
  // its parts with import(): compile them like our own code. import() becomes require(), so jest
  // runs without Node's --experimental-vm-modules, which gave every script a dynamic-import
  // callback that kept finished files' modules alive and cost the suite about 14 % of its CPU
  // (docs/performance.md, "Round four: the suite").
  transformIgnorePatterns: ['/node_modules/(?!(\\.pnpm/)?(jose|marked|@faker-js\\+faker|@faker-js/faker|@electric-sql\\+pglite[^/]*|@electric-sql/pglite[^/]*)(@|/))'],
  moduleNameMapper: {
    '^@kommunenett/stack/testing$': '<rootDir>/packages/stack/src/testing.ts',
    '^@kommunenett/subgraph-kit/(config|serving)$': '<rootDir>/packages/subgraph-kit/src/$1.ts',
    '^@kommunenett/(db|auth|subgraph-kit|reference-data|stack|browser)$': '<rootDir>/packages/$1/src/index.ts',
    '^@kommunenett/(networks|participants|reports|handbook)$': '<rootDir>/services/$1/src/index.ts',
    '^@kommunenett/gateway$': '<rootDir>/gateway/src/index.ts',
  },
  // Above the test stack's boot deadline (STACK_BOOT_TIMEOUT_MS), so a slow boot is reported by name.
  testTimeout: 300_000,
  maxWorkers: 2,
};
