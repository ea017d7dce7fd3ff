export * from './embedded-server';
export * from './data-source';
export * from './sql-metrics';
export * from './test-database';
