export * from './compose';
export * from './definitions';
export * from './processes';
