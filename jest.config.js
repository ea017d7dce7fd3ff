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
  transform: { '^.+\\.(t|j|mj|cj)s$': ['@swc/jest', swc] },
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
