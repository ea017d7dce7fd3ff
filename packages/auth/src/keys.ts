import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type JWK, type CryptoKey } from 'jose';

export const TOKEN_ALGORITHM = 'ES256';

export interface DevKeys {
  privateKey: CryptoKey;
  publicJwk: JWK;
  kid: string;
  /** The shared secret with which the gateway signs viewers for the subgraphs. */
  internalSecret: string;
}

/**
 * Development keys: an ES256 key pair for tokens and the internal secret, generated on first
 * start under `<dataDir>/dev-keys/` and reused afterwards. Never committed; never for production.
 */
export async function loadOrCreateDevKeys(dataDir: string): Promise<DevKeys> {
  const dir = join(dataDir, 'dev-keys');
  const privatePath = join(dir, 'token-signing.private.jwk.json');
  const secretPath = join(dir, 'internal-secret');
  if (!existsSync(privatePath) || !existsSync(secretPath)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const generated = await createEphemeralKeys();
    const privateJwk = await exportJWK(generated.privateKey);
    writeFileSync(privatePath, JSON.stringify({ ...privateJwk, kid: generated.kid, alg: TOKEN_ALGORITHM }), { mode: 0o600 });
    writeFileSync(secretPath, generated.internalSecret, { mode: 0o600 });
  }
  const privateJwk = JSON.parse(readFileSync(privatePath, 'utf8')) as JWK & { kid: string };
  const privateKey = (await importJWK(privateJwk, TOKEN_ALGORITHM, { extractable: true })) as CryptoKey;
  const { d: _d, ...publicJwk } = privateJwk;
  return { privateKey, publicJwk: { ...publicJwk, use: 'sig' }, kid: privateJwk.kid, internalSecret: readFileSync(secretPath, 'utf8').trim() };
}

/** Fresh keys held only in memory (tests). */
export async function createEphemeralKeys(): Promise<DevKeys> {
  const { privateKey, publicKey } = await generateKeyPair(TOKEN_ALGORITHM, { extractable: true });
  const kid = `dev-${randomBytes(6).toString('hex')}`;
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: TOKEN_ALGORITHM, use: 'sig' };
  return { privateKey, publicJwk, kid, internalSecret: randomBytes(32).toString('base64url') };
}
