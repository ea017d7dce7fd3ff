import { SignJWT, createLocalJWKSet, createRemoteJWKSet, jwtVerify, errors, type JWK, type JWTVerifyGetKey, type CryptoKey } from 'jose';
import { TOKEN_ALGORITHM } from './keys';
import { tokenClaimsSchema, viewerFromClaims, type TokenClaims, type Viewer } from './viewer';

export interface TokenSettings {
  issuer: string;
  audience: string;
}

export const DEV_TOKEN_SETTINGS: TokenSettings = { issuer: 'https://auth.kommunenett.dev', audience: 'kommunenett-api' };

export async function signToken(
  claims: TokenClaims,
  key: { privateKey: CryptoKey; kid: string },
  settings: TokenSettings,
  expiresIn: string | number = '8h',
): Promise<string> {
  const { sub, ...rest } = claims;
  return new SignJWT(rest)
    .setProtectedHeader({ alg: TOKEN_ALGORITHM, kid: key.kid, typ: 'JWT' })
    .setSubject(sub)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(key.privateKey);
}

export class TokenError extends Error {
  constructor(message: string, readonly reason: string) {
    super(message);
  }
}

export interface TokenVerifierOptions extends TokenSettings {
  /** Keys fetched (and cached) from a JWKS URL … */
  jwksUrl?: string;
  /** … or a fixed key set (development). */
  jwks?: { keys: JWK[] };
  /** How many verified tokens to remember until they expire. */
  cacheSize?: number;
}

/**
 * Verifies bearer tokens: algorithm pinned to ES256, issuer, audience, expiry, key id. A token
 * verified once is remembered until it expires, so a dashboard's repeated requests cost one
 * signature check.
 */
export function createTokenVerifier(options: TokenVerifierOptions): (token: string) => Promise<Viewer> {
  let keys: JWTVerifyGetKey;
  if (options.jwksUrl) keys = createRemoteJWKSet(new URL(options.jwksUrl), { cacheMaxAge: 10 * 60_000, cooldownDuration: 30_000 });
  else if (options.jwks) keys = createLocalJWKSet(options.jwks);
  else throw new Error('createTokenVerifier needs jwksUrl or jwks');
  const cacheSize = options.cacheSize ?? 10_000;
  const cache = new Map<string, { viewer: Viewer; expiresAt: number }>();

  return async (token: string) => {
    const hit = cache.get(token);
    if (hit && hit.expiresAt > Date.now()) return hit.viewer;
    if (hit) cache.delete(token);
    let payload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        algorithms: [TOKEN_ALGORITHM],
        issuer: options.issuer,
        audience: options.audience,
        requiredClaims: ['exp', 'sub', 'iss', 'aud'],
        clockTolerance: 30,
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new TokenError('The token has expired.', 'expired');
      if (error instanceof errors.JWTClaimValidationFailed) throw new TokenError(`The token's ${error.claim} claim is not accepted.`, 'claim');
      if (error instanceof errors.JOSEAlgNotAllowed) throw new TokenError('The token is not signed with an accepted algorithm.', 'algorithm');
      throw new TokenError('The token could not be verified.', 'invalid');
    }
    const parsed = tokenClaimsSchema.safeParse(payload);
    if (!parsed.success) throw new TokenError('The token does not carry valid kommunenett claims.', 'claims');
    const viewer = viewerFromClaims(parsed.data);
    if (cache.size >= cacheSize) cache.delete(cache.keys().next().value as string);
    cache.set(token, { viewer, expiresAt: (payload.exp as number) * 1000 });
    return viewer;
  };
}
