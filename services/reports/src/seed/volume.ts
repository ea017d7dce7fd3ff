import type { DataSource, EntityManager, QueryResult } from 'typeorm';
import { municipalities } from '@kommunenett/reference-data';
import type { VolumeSeedOptions, VolumeSeedResult } from '@kommunenett/subgraph-kit';
import { codeInForce } from '../services/municipality-codes';

/**
 * Generated volume for the benchmark: a published annual internal-control report (the kind of
 * 002) for every municipality and each of 10 years, with the 12 count indicators; four of them
 * also broken down by area, and their totals the sums of the areas. At scale 1 that is
 * 647 × 10 reports and about 200,000 values; a larger scale adds areas, a smaller one takes
 * fewer municipalities. Values are whole numbers (the indicators are INTEGER) in proportion to the
 * population, with a deterministic spread.
 */
const VOLUME_VALUES = 200_000;
const PERIODS = Array.from({ length: 10 }, (_, i) => 2015 + i);
/** Count indicators and their rate per 10,000 inhabitants and year. */
const RATES: [indicatorId: string, rate: number, byArea: boolean][] = [
  ['deviations-reported', 300, true], ['internal-audits', 2, false], ['whistleblowing-cases', 0.6, true],
  ['whistleblowing-cases-earlier-years', 0.2, false], ['whistleblowing-cases-to-line', 0.3, false], ['external-supervisions', 1.5, false],
  ['supervision-orders', 0.8, false], ['performance-audits', 0.3, false], ['iso-audits', 1, false], ['iso-deviations', 2, true],
  ['iso-observations', 3, false], ['preparedness-incidents', 1, true],
];
const AREAS = ['helse-og-omsorg', 'oppvekst', 'teknisk', 'administrasjon', 'kultur', 'nav', 'eiendom', 'plan-og-bygg'];
const BATCH = 20_000;

async function run(m: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const result = (await m.queryRunner!.query(sql, params, true)) as QueryResult;
  return result.affected ?? 0;
}

export async function seedReportsVolume(ds: DataSource, options: VolumeSeedOptions): Promise<VolumeSeedResult> {
  const all = municipalities().filter((x) => x.kind === 'MUNICIPALITY').sort((a, b) => a.id.localeCompare(b.id));
  const units = all.slice(0, Math.min(all.length, Math.ceil(all.length * options.scale)));
  const reports = units.flatMap((u) => PERIODS.map((period) => ({ ...u, period })));
  const byArea = RATES.filter(([, , b]) => b).length;
  const areas = Math.max(0, Math.round((VOLUME_VALUES * options.scale / reports.length - RATES.length) / byArea));
  const areaNames = Array.from({ length: areas }, (_, k) => `area:${AREAS[k] ?? `enhet-${k + 1}`}`);

  // The last value this scale writes marks it as loaded.
  const last = reports[reports.length - 1];
  const [{ present }] = (await ds.query(
    `SELECT EXISTS (SELECT 1 FROM reports.indicator_value WHERE id = md5(md5('kommunenett:volume:report:' || $1 || ':' || $2)::uuid::text || ':preparedness-incidents:' || $3)::uuid) AS present`,
    [last.id, String(last.period), areaNames[areaNames.length - 1] ?? ''],
  )) as { present: boolean }[];
  if (present) return { skipped: true, counts: {} };

  const counts: Record<string, number> = { report: 0, indicator_value: 0 };
  await ds.transaction(async (m) => {
    for (let start = 0; start < reports.length; start += BATCH) {
      const batch = reports.slice(start, start + BATCH);
      // Skips a municipality's year that already has its annual report (Bærum 2022 of the demo).
      counts.report += await run(m, `
        INSERT INTO reports.report (id, municipality_id, municipality_code, period, kind, status, title, language, recipient_id,
                                    submitted_at, published_at, generated)
        SELECT md5('kommunenett:volume:report:' || t.municipality_id || ':' || t.period)::uuid, t.municipality_id, t.code, t.period,
          'INTERNAL_CONTROL_ANNUAL', 'PUBLISHED',
          CASE WHEN t.country = 'SE' THEN 'Internkontroll och tillsyn ' || t.period || ' (genererade värden)'
            ELSE 'Internkontroll og tilsyn ' || t.period || ' (genererte verdier)' END,
          CASE WHEN t.country = 'SE' THEN 'sv' ELSE 'nb' END, CASE WHEN t.country = 'SE' THEN 'skr' ELSE 'ks' END,
          make_date(t.period::int + 1, 2, 15), make_date(t.period::int + 1, 3, 1), true
        FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(municipality_id, code, period, country)
        ON CONFLICT DO NOTHING`,
      [batch.map((r) => r.id), batch.map((r) => codeInForce(r.id, r.code, String(r.period))), batch.map((r) => String(r.period)), batch.map((r) => r.country)]);
    }
    // One statement per year: the values of every unit (area, or the whole municipality for the
    // indicators without areas), then the municipality totals of the indicators with areas.
    for (const period of PERIODS) {
      counts.indicator_value += await run(m, `
        INSERT INTO reports.indicator_value (id, report_id, indicator_id, municipality_id, period, breakdown, value, as_of)
        SELECT md5(r.id::text || ':' || i.indicator_id || ':' || coalesce(a.area, ''))::uuid, r.id, i.indicator_id, r.municipality_id, r.period, a.area,
          floor(i.rate * mp.population / 10000.0 / CASE WHEN a.area IS NULL THEN 1 ELSE $6::int END
            * (0.5 + ('x' || lpad(substr(md5(r.id::text || i.indicator_id || coalesce(a.area, '')), 1, 8), 16, '0'))::bit(64)::bigint / 4294967296.0)),
          make_date($7::int, 12, 31)
        FROM unnest($1::text[], $2::int[]) AS mp(municipality_id, population)
        JOIN reports.report r ON r.id = md5('kommunenett:volume:report:' || mp.municipality_id || ':' || $7::int)::uuid AND r.generated
        CROSS JOIN unnest($3::text[], $4::float8[], $5::bool[]) AS i(indicator_id, rate, by_area)
        CROSS JOIN LATERAL (
          SELECT NULL::text AS area WHERE NOT (i.by_area AND $6::int > 0)
          UNION ALL SELECT unnest($8::text[]) WHERE i.by_area AND $6::int > 0
        ) a
        ON CONFLICT DO NOTHING`,
      [units.map((u) => u.id), units.map((u) => u.population ?? 10_000), RATES.map(([id]) => id), RATES.map(([, rate]) => rate),
        RATES.map(([, , b]) => b), areas, period, areaNames]);
      if (areas > 0) {
        counts.indicator_value += await run(m, `
          INSERT INTO reports.indicator_value (id, report_id, indicator_id, municipality_id, period, breakdown, value, as_of)
          SELECT md5(r.id::text || ':' || v.indicator_id || ':')::uuid, r.id, v.indicator_id, r.municipality_id, r.period, NULL, sum(v.value), make_date($2::int, 12, 31)
          FROM unnest($1::text[]) AS mp(municipality_id)
          JOIN reports.report r ON r.id = md5('kommunenett:volume:report:' || mp.municipality_id || ':' || $2::int)::uuid AND r.generated
          JOIN reports.indicator_value v ON v.report_id = r.id AND v.breakdown IS NOT NULL AND v.indicator_id = ANY($3::text[])
          GROUP BY r.id, v.indicator_id, r.municipality_id, r.period
          ON CONFLICT DO NOTHING`,
        [units.map((u) => u.id), period, RATES.filter(([, , b]) => b).map(([id]) => id)]);
      }
    }
  });
  return { skipped: false, counts };
}
