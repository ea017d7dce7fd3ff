import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  defaultClaims, ROLES, signToken, tokenClaimsSchema, type DevKeys, type Role, type TokenSettings,
} from '@kommunenett/auth';
import { HttpError, readBody, sendJson } from '@kommunenett/subgraph-kit/serving';

/** Longest life of a development token (seconds); the default is eight hours, like `npm run token`. */
const MAX_LIFETIME_SECONDS = 24 * 3600;
const DEFAULT_LIFETIME_SECONDS = 8 * 3600;

/**
 * `POST /dev/token` with `{ "role": "ANALYST", "org"?: …, "municipality"?: …, "networks"?: […],
 * "person"?: …, "expiresInSeconds"?: … }`: a token signed with the development key, the claims
 * `npm run token` fills in for the role, overridden by the ones given. The gateway registers this
 * route only while it verifies tokens with the development key (never with AUTH_JWKS_URL). A JSON
 * content type is required, so a browser on another origin cannot send it without a preflight,
 * and no CORS header is ever granted.
 */
export function devTokenHandler(keys: Pick<DevKeys, 'privateKey' | 'kid'>, settings: TokenSettings) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'POST') throw new HttpError(405, 'METHOD_NOT_ALLOWED', 'Use POST /dev/token with a JSON body such as {"role":"ANALYST"}.');
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'POST /dev/token takes a JSON body (content-type: application/json).');
    }
    let body: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(await readBody(req, 10_000));
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      body = parsed as Record<string, unknown>;
    } catch (error) {
      if (error instanceof HttpError) throw error;
      throw new HttpError(400, 'BAD_REQUEST', 'The request body must be a JSON object such as {"role":"ANALYST"}.');
    }
    const role = typeof body.role === 'string' ? body.role.toUpperCase() : '';
    if (!ROLES.includes(role as Role)) throw new HttpError(400, 'BAD_USER_INPUT', `role must be one of ${ROLES.join(', ')}.`);
    const { expiresInSeconds = DEFAULT_LIFETIME_SECONDS, role: _role, ...overrides } = body;
    if (!Number.isInteger(expiresInSeconds) || (expiresInSeconds as number) < 1 || (expiresInSeconds as number) > MAX_LIFETIME_SECONDS) {
      throw new HttpError(400, 'BAD_USER_INPUT', `expiresInSeconds must be a whole number from 1 to ${MAX_LIFETIME_SECONDS}.`);
    }
    const claims = tokenClaimsSchema.strict().safeParse({ ...defaultClaims(role as Role), ...overrides, role });
    if (!claims.success) {
      throw new HttpError(400, 'BAD_USER_INPUT', `Invalid claims: ${claims.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}`);
    }
    const expiresAt = Math.floor(Date.now() / 1000) + (expiresInSeconds as number);
    const token = await signToken(claims.data, keys, settings, expiresAt);
    sendJson(res, 200, { token, expiresAt: new Date(expiresAt * 1000).toISOString(), claims: claims.data }, { 'cache-control': 'no-store' });
  };
}
