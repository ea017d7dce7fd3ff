import { z } from 'zod';
import { LocalDateResolver } from 'graphql-scalars';
import { MUNICIPALITY_ID_PATTERN, municipalities, ORGANIZATIONS } from '@kommunenett/reference-data';
import type { UserErrorCode } from './codes';
import { isUuid } from './text';

/**
 * The building blocks of mutation input schemas, one definition of each rule and its code, shared
 * by every service. A service composes its input schema from these and adds what is its own.
 */

/** zod refinement parameters that give a custom rule its catalogue code. */
export const withCode = (code: UserErrorCode, message: string) => ({ message, params: { code } });

/** An id of any object (a UUID); a malformed one is INVALID_ID. */
export const id = z.string().refine(isUuid, withCode('INVALID_ID', 'Not a valid id.'));

/** Length limits of texts and lists, the same in every service. */
export const LIMITS = { name: 200, shortText: 500, text: 5_000, longText: 20_000, list: 50, items: 100 } as const;

/** Trimmed text of at most `max` characters (TOO_LONG). */
export const text = (max: number) => z.string().trim().max(max, `At most ${max} characters.`);
/** Trimmed text of 1 to `max` characters (TOO_SHORT when empty, TOO_LONG). */
export const requiredText = (max: number) => text(max).min(1, 'Must not be empty.');

/** A list of at most `max` entries (TOO_LONG). */
export const list = <T extends z.ZodType>(item: T, max: number = LIMITS.list) => z.array(item).max(max, `At most ${max} entries.`);

export const positiveInt = z.number().int().refine((n) => n > 0, withCode('NOT_POSITIVE', 'Must be a positive whole number.'));

/** The version of the object the change was made on (optimistic locking, STALE_VERSION when old). */
export const expectedVersion = z.number().int();

/** A calendar date, YYYY-MM-DD, that exists (INVALID_FORMAT). */
export const localDate = z.string().refine((v) => {
  try {
    return LocalDateResolver.parseValue(v) === v;
  } catch {
    return false;
  }
}, withCode('INVALID_FORMAT', 'A date is written YYYY-MM-DD.'));

const ORGANIZATION_IDS = new Set<string>(ORGANIZATIONS.map((o) => o.id));
/** An organization of the reference directory (UNKNOWN_ORGANIZATION). */
export const organizationId = z.string().refine((v) => ORGANIZATION_IDS.has(v), withCode('UNKNOWN_ORGANIZATION', 'No organization has this id.'));

let municipalityIds: Set<string> | undefined;
/** Whether a municipality or county authority of the reference directory has this id. */
export function isKnownMunicipality(id: string): boolean {
  municipalityIds ??= new Set(municipalities().map((m) => m.id));
  return municipalityIds.has(id);
}

/** The written form of a municipality id, NO-0301, SE-0180 or NO-32 (INVALID_FORMAT). */
export const municipalityIdFormat = z.string().regex(MUNICIPALITY_ID_PATTERN, 'Must look like NO-0301, SE-0180 or NO-32.');

/** A municipality or county authority of the reference directory (UNKNOWN_MUNICIPALITY). */
export const municipalityId = z.string().refine((v) => MUNICIPALITY_ID_PATTERN.test(v) && isKnownMunicipality(v),
  withCode('UNKNOWN_MUNICIPALITY', 'No municipality or county authority has this id.'));

/** A client's idempotency key: 1 to 200 printable ASCII characters, optional. */
export const idempotencyKey = z.string().min(1).max(200).regex(/^[\x21-\x7e]+$/, 'Printable ASCII without spaces.').nullish();

/** An http(s) link (INVALID_URL). */
export const httpUrl = z.string().max(LIMITS.shortText, `At most ${LIMITS.shortText} characters.`)
  .refine((v) => /^https?:\/\/[^\s]+$/.test(v), withCode('INVALID_URL', 'A link is an http(s) URL.'));
