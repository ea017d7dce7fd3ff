import { z } from 'zod';
import { inputSchemas } from '@kommunenett/subgraph-kit';
import { MONTH_PATTERN, TIME_PATTERN } from './time';

/** Building blocks of the networks input schemas: the kit's shared pieces and what is the networks' own. */
export const { id, LIMITS, text, requiredText, list, positiveInt, localDate, organizationId, municipalityId, expectedVersion } = inputSchemas;
export const https = inputSchemas.httpUrl;

export const month = z.string().regex(MONTH_PATTERN, 'A month is written YYYY-MM, e.g. "2013-10".');
export const clockTime = z.string().regex(TIME_PATTERN, 'A time is written HH:MM, e.g. "09:50".');

/** Handbook chapter anchors: "<handbook slug>/<chapter slug>". */
export const handbookAnchor = z.string().max(200).regex(/^[a-z0-9-]+\/[a-z0-9-]+(\/[a-z0-9-]+)*$/, 'An anchor is "<handbook>/<chapter>", e.g. "beskytt-kommunen/verdier-holdninger-og-kultur".');
