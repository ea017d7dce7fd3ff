import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ReportKind, ReportStatus } from '../entities/enums';
import { codeInForce } from '../services/municipality-codes';
import { demoRowId } from './ids';

export interface GeneratedValue {
  municipalityId: string;
  period: string;
  indicatorId: string;
  value: number;
  breakdown?: string | null;
  /** Month the value was measured, YYYY-MM, when the indicator is measured in a given month. */
  measuredIn?: string | null;
}

/**
 * Loads generated values as PUBLISHED reports (one per municipality, period and kind, marked
 * `generated`, every value's provenance GENERATED) in two set-based statements: values go into the municipality's report of that
 * kind and period, which is created when missing. For demo data and for tests and benchmarks that
 * need many municipalities' values. The values bypass the report workflow and its checks, so give
 * only values that fit their indicators.
 */
export async function insertGeneratedValues(
  ds: DataSource, values: GeneratedValue[],
  options: { kind?: ReportKind; recipientId?: string; title?: (period: string) => string } = {},
): Promise<{ reports: number; values: number }> {
  const kind = options.kind ?? ReportKind.CUSTOM;
  const title = options.title ?? ((period: string) => `Genererte demoverdier ${period}`);
  const reports = new Map<string, { id: string; municipalityId: string; period: string }>();
  for (const v of values) {
    const key = `${v.municipalityId}|${v.period}`;
    if (!reports.has(key)) reports.set(key, { id: demoRowId(`report:${kind}:${key}`), municipalityId: v.municipalityId, period: v.period });
  }
  const rows = [...reports.values()];
  await ds.transaction(async (m) => {
    await m.query(
      `INSERT INTO reports.report (id, municipality_id, municipality_code, period, kind, status, title, language, recipient_id,
                                   submitted_at, published_at, generated)
       SELECT id, municipality_id, code, period, $5, $6, title, 'nb', $7, now(), now(), true
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $8::text[]) AS t(id, municipality_id, code, period, title)
       ON CONFLICT DO NOTHING`,
      [rows.map((r) => r.id), rows.map((r) => r.municipalityId), rows.map((r) => codeInForce(r.municipalityId, r.municipalityId.slice(3), r.period)),
        rows.map((r) => r.period), kind, ReportStatus.PUBLISHED, options.recipientId ?? 'ks', rows.map((r) => title(r.period))],
    );
    await m.query(
      `INSERT INTO reports.indicator_value (id, report_id, indicator_id, municipality_id, period, breakdown, value, measured_in, provenance)
       SELECT t.id, r.id, t.indicator_id, t.municipality_id, t.period, t.breakdown, t.value, t.measured_in, 'GENERATED'
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::double precision[], $8::text[])
              AS t(id, indicator_id, municipality_id, period, breakdown, value, measured_in)
         JOIN reports.report r ON r.municipality_id = t.municipality_id AND r.period = t.period AND r.kind = $7 AND r.network_id IS NULL`,
      [values.map((v) => demoRowId(`value:${kind}:${v.municipalityId}|${v.period}|${v.indicatorId}|${v.breakdown ?? ''}`)),
        values.map((v) => v.indicatorId), values.map((v) => v.municipalityId), values.map((v) => v.period),
        values.map((v) => v.breakdown ?? null), values.map((v) => v.value), kind, values.map((v) => v.measuredIn ?? null)],
    );
  });
  return { reports: rows.length, values: values.length };
}

/** A deterministic pseudo-random number in [0, 1) for a name: generated values are the same on every run. */
export function noise(name: string): number {
  return parseInt(createHash('sha1').update(name).digest('hex').slice(0, 8), 16) / 0x100000000;
}
