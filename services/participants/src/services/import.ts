import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { userError, validateInput, type RequestContext, type UserError } from '@kommunenett/subgraph-kit';
import { settings } from './config';
import { runIdempotent } from './idempotency';
import { idempotencyKeySchema, idSchema, importRows, type ImportResult } from './registrations';

const COLUMNS = ['municipalityId', 'name', 'email', 'phone', 'title', 'leadershipAnchoring', 'note', 'externalRef'] as const;
const REQUIRED_COLUMNS = ['municipalityId', 'name', 'email'];

const importSchema = z.object({
  networkId: idSchema,
  rows: z.array(z.looseObject({})).nullish(),
  csv: z.string().nullish(),
  dryRun: z.boolean(),
  idempotencyKey: idempotencyKeySchema,
}).refine((i) => !!i.rows !== (typeof i.csv === 'string'), { message: 'Give either rows or csv.', path: ['rows'], params: { code: 'INVALID' } });

const refused = (userErrors: UserError[]): ImportResult => ({ applied: false, rows: [], userErrors });

/**
 * Text that was not UTF-8 when it was turned into a string: replacement characters, or the
 * typical pairs of UTF-8 read as Latin-1 / Windows-1252 ("Ã¦" for "æ", "Ã¸" for "ø").
 */
function looksMisencoded(text: string): boolean {
  return text.includes('\uFFFD') || /[ÃÂ][\u0080-\u00BF\u2018-\u203A\u0152-\u0178]/.test(text);
}

/** Parses the CSV form of an import: a header row naming the columns, comma or semicolon separated. */
export function parseImportCsv(csv: string): { rows: Record<string, string | null>[] } | { error: UserError } {
  if (looksMisencoded(csv)) {
    return { error: userError('csv', 'The file is not valid UTF-8 text (it looks like another encoding, e.g. Latin-1). Save it as UTF-8 and try again.', 'INVALID_ENCODING') };
  }
  const text = csv.replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
  let records: string[][];
  try {
    records = parse(text, { delimiter, skip_empty_lines: true, trim: true, relax_column_count: false }) as string[][];
  } catch (error) {
    return { error: userError('csv', `The CSV could not be read: ${(error as Error).message}`, 'INVALID_CSV') };
  }
  const [header, ...body] = records;
  if (!header) return { error: userError('csv', 'The CSV is empty.', 'INVALID_CSV') };
  const unknown = header.filter((h) => !(COLUMNS as readonly string[]).includes(h));
  if (unknown.length) return { error: userError('csv', `Unknown columns: ${unknown.join(', ')}. Known: ${COLUMNS.join(', ')}.`, 'UNKNOWN_COLUMN') };
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) return { error: userError('csv', `Missing columns: ${missing.join(', ')}.`, 'MISSING_COLUMN') };
  return { rows: body.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] === '' ? null : cells[i]]))) };
}

export async function importRegistrations(ctx: RequestContext, raw: unknown): Promise<ImportResult> {
  const parsed = validateInput(importSchema, raw);
  if (!parsed.ok) return refused(parsed.userErrors);
  const input = parsed.value;
  let rows: Record<string, unknown>[];
  if (typeof input.csv === 'string') {
    const fromCsv = parseImportCsv(input.csv);
    if ('error' in fromCsv) return refused([fromCsv.error]);
    rows = fromCsv.rows;
  } else rows = input.rows!;
  if (rows.length === 0) return refused([userError(input.csv ? 'csv' : 'rows', 'There are no rows to import.', 'NO_ROWS')]);
  if (rows.length > settings.importMaxRows()) {
    return refused([userError(input.csv ? 'csv' : 'rows', `At most ${settings.importMaxRows()} rows per import; this one has ${rows.length}.`, 'TOO_MANY_ROWS')]);
  }
  const { idempotencyKey, ...request } = input;
  return runIdempotent(ctx, 'importRegistrations', idempotencyKey, { ...request, rows, csv: undefined }, refused,
    (guard) => importRows(ctx, input.networkId, rows, input.dryRun, guard));
}
