export * from './compose';
export * from './definitions';
