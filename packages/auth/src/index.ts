export * from './viewer';
export * from './internal';
export * from './keys';
export * from './tokens';
export { claimsFromArgs, defaultClaims } from './token-cli';
