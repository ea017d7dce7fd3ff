import { z } from 'zod';
import { LocalDateResolver } from 'graphql-scalars';
import { isUuid } from '@kommunenett/subgraph-kit';
import { MUNICIPALITY_ID_PATTERN, municipalities, ORGANIZATIONS } from '@kommunenett/reference-data';
import { MONTH_PATTERN, TIME_PATTERN } from './time';

/** Building blocks of the mutation input schemas: one definition of each rule and its code. */

const custom = (code: string) => ({ params: { code } });

export const id = z.string().refine(isUuid, { message: 'Not a valid id.', ...custom('INVALID_ID') });

export const LIMITS = { name: 200, shortText: 500, text: 5_000, longText: 20_000, list: 50, items: 100 } as const;

/** Trimmed text of at most `max` characters (TOO_LONG), at least one when required (TOO_SHORT). */
export const text = (max: number) => z.string().trim().max(max, `At most ${max} characters.`);
export const requiredText = (max: number) => text(max).min(1, 'Must not be empty.');

export const month = z.string().regex(MONTH_PATTERN, 'A month is written YYYY-MM, e.g. "2013-10".');
export const clockTime = z.string().regex(TIME_PATTERN, 'A time is written HH:MM, e.g. "09:50".');

const ORGANIZATION_IDS = new Set<string>(ORGANIZATIONS.map((o) => o.id));
export const organizationId = z.string().refine((v) => ORGANIZATION_IDS.has(v), {
  message: 'No organization has this id.', ...custom('UNKNOWN_ORGANIZATION'),
});

let municipalityIds: Set<string> | undefined;
/** Known municipality or county authority (the reference directory the participants service also uses). */
export const municipalityId = z.string().refine((v) => {
  municipalityIds ??= new Set(municipalities().map((m) => m.id));
  return MUNICIPALITY_ID_PATTERN.test(v) && municipalityIds.has(v);
}, { message: 'No municipality or county authority has this id.', ...custom('UNKNOWN_MUNICIPALITY') });

export const positiveInt = z.number().int().refine((n) => n > 0, { message: 'Must be a positive whole number.', ...custom('NOT_POSITIVE') });

export const https = z.string().max(LIMITS.shortText, `At most ${LIMITS.shortText} characters.`)
  .refine((v) => /^https?:\/\/[^\s]+$/.test(v), { message: 'A link is an http(s) URL.', ...custom('INVALID_URL') });

export const list = <T extends z.ZodType>(item: T, max: number = LIMITS.list) => z.array(item).max(max, `At most ${max} entries.`);

/** Handbook chapter anchors: "<handbook slug>/<chapter slug>". */
export const handbookAnchor = z.string().max(200).regex(/^[a-z0-9-]+\/[a-z0-9-]+(\/[a-z0-9-]+)*$/, 'An anchor is "<handbook>/<chapter>", e.g. "beskytt-kommunen/verdier-holdninger-og-kultur".');

/** A calendar date, YYYY-MM-DD, that exists. */
export const localDate = z.string().refine((v) => {
  try {
    return LocalDateResolver.parseValue(v) === v;
  } catch {
    return false;
  }
}, { message: 'A date is written YYYY-MM-DD.', ...custom('INVALID_FORMAT') });
