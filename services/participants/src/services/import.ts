import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { userError, validateInput, type RequestContext, type UserError } from '@kommunenett/subgraph-kit';
import { settingsOf } from '../config';
import { runIdempotent } from './idempotency';
import { externalRefSchema, idempotencyKeySchema, idSchema, municipalityIdSchema, preconditions, textSchema } from './registrations';
import { placeRegistrations } from './locked-writes';
import { RegistrationStatus } from '../entities/enums';
import { municipalityById } from '../loaders';
import { requireMayRegister } from './access';
import type { IdempotencyGuard } from './idempotency';
import { hostIdsOf, networkRules } from './network-rules';
import { registrationWindowError } from './placement';
import { personInputSchema } from './people';

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
  const { importMaxRows } = settingsOf(ctx);
  if (rows.length > importMaxRows) {
    return refused([userError(input.csv ? 'csv' : 'rows', `At most ${importMaxRows} rows per import; this one has ${rows.length}.`, 'TOO_MANY_ROWS')]);
  }
  const { idempotencyKey, ...request } = input;
  return runIdempotent(ctx, 'importRegistrations', idempotencyKey, { ...request, rows, csv: undefined }, refused,
    (guard) => importRows(ctx, input.networkId, rows, input.dryRun, guard));
}

export const importRowSchema = z.object({
  municipalityId: municipalityIdSchema,
  name: personInputSchema.shape.name,
  email: personInputSchema.shape.email,
  phone: personInputSchema.shape.phone,
  title: personInputSchema.shape.title,
  leadershipAnchoring: textSchema(2000),
  note: textSchema(2000),
  externalRef: externalRefSchema,
});
export type ImportRow = z.infer<typeof importRowSchema>;

export interface ImportRowResult {
  /** Row number in the file (1 = the first row after the header) or index + 1 in `rows`. */
  row: number;
  /** What the row became, or would become on a dry run. */
  status: RegistrationStatus | null;
  registrationId: string | null;
  errors: UserError[];
}
export interface ImportResult {
  applied: boolean;
  rows: ImportRowResult[];
  userErrors: UserError[];
}

/**
 * Validates every row (form, municipality, the network's rules, duplicates within the file) and,
 * unless `dryRun`, applies all rows in one transaction, or none when any row is wrong.
 */
export async function importRows(ctx: RequestContext, networkId: string, rawRows: unknown[], dryRun: boolean, guard: IdempotencyGuard): Promise<ImportResult> {
  const rowErrors = rawRows.map((): UserError[] => []);
  const valid: { index: number; row: ImportRow }[] = [];
  rawRows.forEach((raw, i) => {
    const parsed = validateInput(importRowSchema, raw);
    if (parsed.ok) valid.push({ index: i, row: parsed.value });
    else rowErrors[i].push(...parsed.userErrors.map((e) => ({ ...e, field: ['input', 'rows', String(i + 1), ...(e.field ?? []).slice(1)] })));
  });
  const rules = await networkRules(ctx).load(networkId);
  if (!rules) return { applied: false, rows: [], userErrors: [userError('networkId', 'No such network.', 'NOT_FOUND')] };
  requireMayRegister(ctx.viewer, null, hostIdsOf(rules));
  const windowError = registrationWindowError(rules, new Date());
  if (windowError) return { applied: false, rows: [], userErrors: [windowError] };
  // One statement for every municipality of the file; the checks below then read the loader's cache.
  await municipalityById(ctx).loadMany([...new Set(valid.map((v) => v.row.municipalityId))]);
  const firstRowOf = new Map<string, number>();
  for (const { index, row } of valid) {
    // Paths count rows as `row` does (1 = the first row), so an error and its row read alike.
    const at = (f: string) => `rows.${index + 1}.${f}`;
    if (ctx.viewer.role === 'COORDINATOR' && row.municipalityId !== ctx.viewer.municipalityId) {
      rowErrors[index].push(userError(at('municipalityId'), 'A coordinator registers people of their own municipality only.', 'FORBIDDEN_MUNICIPALITY'));
    }
    rowErrors[index].push(...await preconditions(ctx, rules, row, (f) => (f === 'networkId' ? 'networkId' : at(f))));
    const first = firstRowOf.get(row.email);
    if (first !== undefined) rowErrors[index].push(userError(at('email'), `The same person is in row ${first + 1}.`, 'DUPLICATE_ROW'));
    else firstRowOf.set(row.email, index);
  }
  const placeable = valid.filter(({ index }) => rowErrors[index].length === 0);
  const commit = !dryRun && placeable.length === rawRows.length;
  const { outcomes, committed } = placeable.length
    ? await placeRegistrations(ctx, rules, placeable.map(({ index, row }) => ({
      field: `rows.${index + 1}`, municipalityId: row.municipalityId, person: { name: row.name, email: row.email, phone: row.phone, title: row.title },
      leadershipAnchoring: row.leadershipAnchoring, note: row.note, externalRef: row.externalRef,
    })), guard, commit, (placed) => ({
      applied: true, userErrors: [], rows: placed.map((p, i) => ({ row: i + 1, status: p.status, registrationId: p.id, errors: [] })),
    }))
    : { outcomes: [], committed: false };
  const outcomeOf = new Map(placeable.map(({ index }, k) => [index, outcomes[k]]));
  const rows = rawRows.map((_, i): ImportRowResult => {
    const outcome = outcomeOf.get(i);
    if (outcome && 'error' in outcome) rowErrors[i].push(outcome.error);
    const placed = outcome && !('error' in outcome) ? outcome : null;
    return { row: i + 1, status: placed?.status ?? null, registrationId: committed && placed ? placed.id : null, errors: rowErrors[i] };
  });
  return { applied: committed, rows, userErrors: [] };
}
