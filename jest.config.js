/**
 * One jest run over the whole repository. Sources are compiled by swc with decorator metadata
 * (type-graphql and typeorm need it); workspace packages resolve to their sources, so tests never
 * depend on a stale build.
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
  testEnvironment: 'node',
  roots: ['<rootDir>/gateway', '<rootDir>/services', '<rootDir>/packages'],
  testMatch: ['**/?(*.)test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: { '^.+\\.(t|j|mj)s$': ['@swc/jest', swc] },
  // jose, marked and @faker-js/faker ship ES modules only: compile them like our own code.
  transformIgnorePatterns: ['/node_modules/(?!(\\.pnpm/)?(jose|marked|@faker-js\\+faker|@faker-js/faker)(@|/))'],
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
