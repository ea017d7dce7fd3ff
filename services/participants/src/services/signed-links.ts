import { createHmac, timingSafeEqual } from 'node:crypto';
import { isUuid, type SubgraphConfig } from '@kommunenett/subgraph-kit';
import { NotificationKind } from '../entities/enums';
import { settingsOf } from '../config';

/** Whose configuration signs: a request context, a job's or a route's deps. */
type Signer = { config: SubgraphConfig };

/**
 * Links in messages that act without an account, signed with a key derived from the service's
 * secret (HMAC-SHA256), so they cannot be forged or pointed at another person or registration.
 *
 * A seat offer: `<registration id>.<offer deadline in ms>.<signature>`. The deadline makes it
 * expire; binding it to the offer's deadline makes it single-use (once answered the registration
 * is no longer offered, and a later offer has another deadline, so an old link never answers a
 * new offer).
 *
 * Unsubscribing: `<person id>.<message kind>.<signature>`, for optional messages only.
 */

function sign(signer: Signer, purpose: string, payload: string): string {
  const key = createHmac('sha256', signer.config.internalSecret).update(`kommunenett:${purpose}:v1`).digest();
  return createHmac('sha256', key).update(payload).digest('base64url');
}

function verified(signer: Signer, purpose: string, token: string, pattern: RegExp): RegExpExecArray | null {
  const match = pattern.exec(token);
  if (!match || !isUuid(match[1])) return null;
  const expected = Buffer.from(sign(signer, purpose, `${match[1]}.${match[2]}`));
  const given = Buffer.from(match[3]);
  return given.length === expected.length && timingSafeEqual(given, expected) ? match : null;
}

export function offerToken(signer: Signer, registrationId: string, offerExpiresAt: Date): string {
  const payload = `${registrationId}.${offerExpiresAt.getTime()}`;
  return `${payload}.${sign(signer, 'offer-link', payload)}`;
}

export const offerUrl = (signer: Signer, registrationId: string, offerExpiresAt: Date) => `${settingsOf(signer).publicBaseUrl}/offers/${offerToken(signer, registrationId, offerExpiresAt)}`;

/** The offer a token names, or null when it was not made by this service (tampered, truncated). */
export function readOfferToken(signer: Signer, token: string): { registrationId: string; offerExpiresAt: Date } | null {
  const match = verified(signer, 'offer-link', token, /^([0-9a-f-]{36})\.(\d{1,15})\.([A-Za-z0-9_-]{43})$/);
  return match ? { registrationId: match[1], offerExpiresAt: new Date(Number(match[2])) } : null;
}

/** The unsubscribe page in the message's language (the language is in the path; only the rest is signed). */
export function unsubscribeUrl(signer: Signer, personId: string, kind: NotificationKind, language: string): string {
  const payload = `${personId}.${kind}`;
  return `${settingsOf(signer).publicBaseUrl}/unsubscribe/${language}/${payload}.${sign(signer, 'unsubscribe', payload)}`;
}

/** The person and message kind an unsubscribe token names, or null. */
export function readUnsubscribeToken(signer: Signer, token: string): { personId: string; kind: NotificationKind } | null {
  const match = verified(signer, 'unsubscribe', token, /^([0-9a-f-]{36})\.([A-Z_]{1,40})\.([A-Za-z0-9_-]{43})$/);
  return match && (Object.values(NotificationKind) as string[]).includes(match[2]) ? { personId: match[1], kind: match[2] as NotificationKind } : null;
}
