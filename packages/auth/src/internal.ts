import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Viewer } from './viewer';

/** Headers by which the gateway (or a service) vouches for the viewer to one subgraph. */
export const VIEWER_HEADER = 'x-kommunenett-viewer';
export const SIGNATURE_HEADER = 'x-kommunenett-signature';
export const TIMESTAMP_HEADER = 'x-kommunenett-timestamp';
export const NONCE_HEADER = 'x-kommunenett-nonce';

/** How far a signed request's timestamp may be from the subgraph's clock. */
export const MAX_CLOCK_SKEW_SECONDS = 60;

/** What a signature is bound to besides the viewer: the request itself. */
export interface SignedRequest {
  method: string;
  /** Path and query of the URL, e.g. `/graphql` or `/calendar/networks/x.ics`. */
  path: string;
  /**
   * The body: raw text as sent, or the GraphQL request object (what Apollo Router hands its
   * coprocessor). Both digest to the same value (see `requestDigest`).
   */
  body: string | object | null | undefined;
}

/** Canonical JSON: object keys sorted, so the digest does not depend on who serialised it. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * SHA-256 of what the request asks: for a GraphQL request its query, operation name, variables and
 * extensions in canonical form (absent and null alike), otherwise the raw body text. The Node
 * gateway signs the bytes it sends, Router's coprocessor the object Router will serialise; the
 * subgraph digests what it parsed, and all three agree.
 */
export function requestDigest(body: SignedRequest['body']): string {
  let parsed: unknown = body ?? '';
  if (typeof parsed === 'string' && parsed.length > 0) {
    try {
      parsed = JSON.parse(parsed);
    } catch {
      // Not JSON: the raw text is what is bound.
    }
  }
  const text = parsed && typeof parsed === 'object' && !Array.isArray(parsed)
    ? canonicalJson({
      query: (parsed as Record<string, unknown>).query ?? null,
      operationName: (parsed as Record<string, unknown>).operationName ?? null,
      variables: (parsed as Record<string, unknown>).variables ?? {},
      extensions: (parsed as Record<string, unknown>).extensions ?? {},
    })
    : typeof parsed === 'string' ? parsed : canonicalJson(parsed);
  return createHash('sha256').update(text).digest('base64url');
}

function sign(secret: string, audience: string, timestamp: string, nonce: string, request: SignedRequest, payload: string): string {
  return createHmac('sha256', secret)
    .update([audience, timestamp, nonce, request.method.toUpperCase(), request.path, requestDigest(request.body), payload].join('\n'))
    .digest('base64url');
}

/** The viewer as it travels in `VIEWER_HEADER`. */
export function encodeViewer(viewer: Viewer): string {
  return Buffer.from(JSON.stringify(viewer)).toString('base64url');
}

/**
 * Signs one request to one subgraph: HMAC-SHA256 over the audience (subgraph name), a timestamp,
 * a unique id, the method, the path, a digest of the body and the claims. A captured set of
 * headers is good for that subgraph, that request and one use only (see `ReplayGuard`).
 * `viewer` may be given already encoded (what the gateway's fetcher finds in the header).
 */
export function signRequest(viewer: Viewer | string, audience: string, secret: string, request: SignedRequest, now = Date.now()): Record<string, string> {
  const payload = typeof viewer === 'string' ? viewer : encodeViewer(viewer);
  const timestamp = Math.floor(now / 1000).toString();
  const nonce = randomUUID();
  return {
    [VIEWER_HEADER]: payload,
    [TIMESTAMP_HEADER]: timestamp,
    [NONCE_HEADER]: nonce,
    [SIGNATURE_HEADER]: sign(secret, audience, timestamp, nonce, request, payload),
  };
}

/**
 * The unique ids of signed requests already accepted, remembered as long as their timestamp is
 * valid, so the same signed request is accepted once. In memory of one subgraph process.
 */
export class ReplayGuard {
  private readonly seen = new Map<string, number>();
  private nextSweep = 0;

  /** True the first time a nonce is seen while valid; false for a replay. */
  accept(nonce: string, timestampSeconds: number, nowSeconds: number): boolean {
    if (nowSeconds >= this.nextSweep) {
      for (const [id, expires] of this.seen) if (expires < nowSeconds) this.seen.delete(id);
      this.nextSweep = nowSeconds + 10;
    }
    if (this.seen.has(nonce)) return false;
    this.seen.set(nonce, timestampSeconds + MAX_CLOCK_SKEW_SECONDS + 1);
    return true;
  }

  get size(): number { return this.seen.size; }
}

export type HeaderGetter = (name: string) => string | undefined;

/** Whether the headers are shaped like a signed request with a current timestamp (cheap, before the body is read). */
export function hasCurrentSignature(get: HeaderGetter, now = Date.now()): boolean {
  const timestamp = get(TIMESTAMP_HEADER);
  if (!get(VIEWER_HEADER) || !get(SIGNATURE_HEADER) || !timestamp || !/^\d{1,12}$/.test(timestamp)) return false;
  if (!/^[A-Za-z0-9-]{16,64}$/.test(get(NONCE_HEADER) ?? '')) return false;
  return Math.abs(Math.floor(now / 1000) - Number(timestamp)) <= MAX_CLOCK_SKEW_SECONDS;
}

/**
 * Returns the vouched-for viewer, or null when the request was not signed for this subgraph and
 * this request, is out of its time window, or was seen before.
 */
export function verifySignedRequest(get: HeaderGetter, audience: string, secret: string, request: SignedRequest, replays: ReplayGuard, now = Date.now()): Viewer | null {
  if (!hasCurrentSignature(get, now)) return null;
  const payload = get(VIEWER_HEADER)!;
  const timestamp = get(TIMESTAMP_HEADER)!;
  const nonce = get(NONCE_HEADER)!;
  const expected = Buffer.from(sign(secret, audience, timestamp, nonce, request, payload));
  const given = Buffer.from(get(SIGNATURE_HEADER)!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  // Only a correctly signed request is remembered, so nobody but the signer fills the memory.
  if (!replays.accept(nonce, Number(timestamp), Math.floor(now / 1000))) return null;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Viewer;
  } catch {
    return null;
  }
}
