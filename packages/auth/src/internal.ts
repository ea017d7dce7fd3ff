import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Viewer } from './viewer';

/** Headers by which the gateway (or a service) vouches for the viewer to one subgraph. */
export const VIEWER_HEADER = 'x-kommunenett-viewer';
export const SIGNATURE_HEADER = 'x-kommunenett-signature';
export const TIMESTAMP_HEADER = 'x-kommunenett-timestamp';

/** How far a signed request's timestamp may be from the subgraph's clock. */
export const MAX_CLOCK_SKEW_SECONDS = 60;

function sign(secret: string, audience: string, timestamp: string, payload: string): string {
  return createHmac('sha256', secret).update(`${audience}.${timestamp}.${payload}`).digest('base64url');
}

/**
 * Signs the viewer for one subgraph: HMAC-SHA256 over the audience (subgraph name), a timestamp
 * and the claims, so a captured header cannot be replayed against another subgraph or later on.
 */
export function signViewer(viewer: Viewer, audience: string, secret: string, now = Date.now()): Record<string, string> {
  const payload = Buffer.from(JSON.stringify(viewer)).toString('base64url');
  const timestamp = Math.floor(now / 1000).toString();
  return {
    [VIEWER_HEADER]: payload,
    [TIMESTAMP_HEADER]: timestamp,
    [SIGNATURE_HEADER]: sign(secret, audience, timestamp, payload),
  };
}

export type HeaderGetter = (name: string) => string | undefined;

/** Returns the vouched-for viewer, or null when the request does not come from the gateway. */
export function verifySignedViewer(get: HeaderGetter, audience: string, secret: string, now = Date.now()): Viewer | null {
  const payload = get(VIEWER_HEADER);
  const timestamp = get(TIMESTAMP_HEADER);
  const signature = get(SIGNATURE_HEADER);
  if (!payload || !timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return null;
  if (Math.abs(Math.floor(now / 1000) - Number(timestamp)) > MAX_CLOCK_SKEW_SECONDS) return null;
  const expected = Buffer.from(sign(secret, audience, timestamp, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Viewer;
  } catch {
    return null;
  }
}
