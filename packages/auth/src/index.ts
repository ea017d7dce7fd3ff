export * from './viewer';
export * from './internal';
export * from './keys';
export * from './tokens';
export { defaultClaims } from './token-cli';
