export * from './embedded-server';
export * from './embedded-maintenance';
export * from './data-source';
export * from './sql-metrics';
export * from './test-database';
export * from './prepared';
