import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';

export type Country = 'NO' | 'SE';
export type MunicipalityKind = 'MUNICIPALITY' | 'COUNTY';

/** One row of the directory: a municipality or a county authority (fylkeskommune, region). */
export interface MunicipalityRecord {
  /** Country + official code: `NO-0301`, `SE-0180`; county authorities `NO-32`, `SE-01`. */
  id: string;
  country: Country;
  code: string;
  kind: MunicipalityKind;
  name: string;
  /** Official multilingual name (Sami, Kven) where SSB gives one that differs from `name`. */
  officialName: string | null;
  countyCode: string;
  countyName: string;
  /** The latest population figure (see `populationAsOf`, `populationSource`). */
  population: number | null;
  /** The day the latest figure counts (Norway: SSB, 1 January 2024; Sweden: SCB, 31 December 2024). */
  populationAsOf: string | null;
}

/**
 * One population figure: a unit's inhabitants counted on a day by a statistics office. `year` is
 * the year the office files it under (SSB's 1 January 2024 and SCB's 31 December 2024 are both 2024).
 */
export interface PopulationFigure {
  municipalityId: string;
  year: number;
  population: number;
  asOf: string;
  source: string;
}

/** When and by whom each country's population figures in `data/` were counted (see SOURCES.md). */
export const POPULATION_SOURCES: Record<Country, { year: number; asOf: string; source: string }> = {
  NO: { year: 2024, asOf: '2024-01-01', source: 'Statistisk sentralbyrå (SSB), befolkning 1. januar 2024' },
  SE: { year: 2024, asOf: '2024-12-31', source: 'Statistiska centralbyrån (SCB), folkmängd 31 december 2024 (BE0101N1)' },
};

const DATA_DIR = join(__dirname, '..', 'data');

function readCsv(file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(join(DATA_DIR, file), 'utf8').trim().split('\n');
  const columns = header.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
  });
}

/** Official names of the Swedish regions (county authorities), by county code. */
const SWEDISH_REGION_NAMES: Record<string, string> = {
  '01': 'Region Stockholm', '03': 'Region Uppsala', '04': 'Region Sörmland', '05': 'Region Östergötland',
  '06': 'Region Jönköpings län', '07': 'Region Kronoberg', '08': 'Region Kalmar län', '09': 'Region Gotland',
  '10': 'Region Blekinge', '12': 'Region Skåne', '13': 'Region Halland', '14': 'Västra Götalandsregionen',
  '17': 'Region Värmland', '18': 'Region Örebro län', '19': 'Region Västmanland', '20': 'Region Dalarna',
  '21': 'Region Gävleborg', '22': 'Region Västernorrland', '23': 'Region Jämtland Härjedalen',
  '24': 'Region Västerbotten', '25': 'Region Norrbotten',
};

let cache: MunicipalityRecord[] | undefined;

/** All 357 + 290 municipalities and the 15 + 21 county authorities, sorted by id. */
export function municipalities(): MunicipalityRecord[] {
  if (cache) return cache;
  const officialNames = new Map(readCsv('municipalities-no-names.csv').map((r) => [r.code, r]));
  const rows: MunicipalityRecord[] = [];
  const counties = new Map<string, MunicipalityRecord>();
  const addCounty = (country: Country, countyCode: string, countyName: string, name: string, population: number | null) => {
    const id = `${country}-${countyCode}`;
    const existing = counties.get(id);
    if (existing) {
      if (existing.population !== null && population !== null) existing.population += population;
      return;
    }
    counties.set(id, { id, country, code: countyCode, kind: 'COUNTY', name, officialName: null, countyCode, countyName, population,
      populationAsOf: population === null ? null : POPULATION_SOURCES[country].asOf });
  };
  for (const r of readCsv('municipalities-no.csv')) {
    const population = r.population ? Number(r.population) : null;
    const official = officialNames.get(r.code);
    const officialName = official && official.official_name !== r.name ? official.official_name : null;
    rows.push({ id: `NO-${r.code}`, country: 'NO', code: r.code, kind: 'MUNICIPALITY', name: r.name, officialName,
      countyCode: r.county_code, countyName: r.county_name, population, populationAsOf: population === null ? null : POPULATION_SOURCES.NO.asOf });
    const countyName = r.county_code === '03' ? 'Oslo kommune' : `${r.county_name} fylkeskommune`;
    addCounty('NO', r.county_code, r.county_name, countyName, population);
  }
  const swedishCounties = new Map(readCsv('counties-se.csv').map((r) => [r.county_code, Number(r.population)]));
  for (const r of readCsv('municipalities-se.csv')) {
    const population = r.population ? Number(r.population) : null;
    rows.push({ id: `SE-${r.code}`, country: 'SE', code: r.code, kind: 'MUNICIPALITY', name: r.name, officialName: null,
      countyCode: r.county_code, countyName: r.county_name, population, populationAsOf: population === null ? null : POPULATION_SOURCES.SE.asOf });
    // SCB's län figure, not a running sum: added once.
    if (!counties.has(`SE-${r.county_code}`)) {
      addCounty('SE', r.county_code, r.county_name, SWEDISH_REGION_NAMES[r.county_code] ?? r.county_name, swedishCounties.get(r.county_code) ?? null);
    }
  }
  cache = [...rows, ...counties.values()].sort((a, b) => a.id.localeCompare(b.id));
  return cache;
}

/** Every population figure of the reference data: today one per unit (the latest count of each country). */
export function populationFigures(): PopulationFigure[] {
  return municipalities().filter((m) => m.population !== null).map((m) => ({
    municipalityId: m.id, year: POPULATION_SOURCES[m.country].year, population: m.population!, asOf: m.populationAsOf!, source: POPULATION_SOURCES[m.country].source,
  }));
}

/**
 * Size classes of municipalities by inhabitants (docs/reports.md): the classes both countries'
 * statistics use for small, medium and large municipalities, with the largest split further.
 */
export const SIZE_CLASSES = [
  { name: 'UNDER_5000', min: 0, max: 4_999 },
  { name: 'FROM_5000_TO_19999', min: 5_000, max: 19_999 },
  { name: 'FROM_20000_TO_49999', min: 20_000, max: 49_999 },
  { name: 'FROM_50000_TO_99999', min: 50_000, max: 99_999 },
  { name: 'FROM_100000', min: 100_000, max: Number.POSITIVE_INFINITY },
] as const;
export type SizeClassName = (typeof SIZE_CLASSES)[number]['name'];

/** The size class of a population (null when unknown). */
export function sizeClassOf(population: number | null | undefined): SizeClassName | null {
  if (population === null || population === undefined) return null;
  return SIZE_CLASSES.find((c) => population >= c.min && population <= c.max)!.name;
}

/** Municipality ids are `NO-0301`/`SE-0180`; county authorities `NO-32`/`SE-01`. */
export const MUNICIPALITY_ID_PATTERN = /^(NO|SE)-(\d{4}|\d{2})$/;

/** Codes that changed in the reforms the demo data spans: former code → current id. */
export const FORMER_MUNICIPALITY_CODES: Record<string, { currentId: string; validFrom: string; validTo: string }> = {
  'NO-3024': { currentId: 'NO-3201', validFrom: '2020-01-01', validTo: '2023-12-31' },
  'NO-0219': { currentId: 'NO-3201', validFrom: '1838-01-01', validTo: '2019-12-31' },
};

/** The organizations of the source documents, with stable ids used by tokens and demo data. */
export const ORGANIZATIONS = [
  { id: 'ks', name: 'KS – Kommunesektorens organisasjon', shortName: 'KS', country: 'NO', kind: 'ASSOCIATION' },
  { id: 'skr', name: 'Sveriges Kommuner och Regioner', shortName: 'SKR', country: 'SE', kind: 'ASSOCIATION',
    formerNames: ['Sveriges Kommuner och Landsting (SKL)'] },
  { id: 'ti-norge', name: 'Transparency International Norge', shortName: 'TI Norge', country: 'NO', kind: 'NGO' },
  { id: 'kdd', name: 'Kommunal- og distriktsdepartementet', shortName: 'KDD', country: 'NO', kind: 'MINISTRY',
    formerNames: ['Kommunal- og regionaldepartementet (KRD)', 'Kommunal- og moderniseringsdepartementet (KMD)'] },
  { id: 'fagforbundet', name: 'Fagforbundet', shortName: 'Fagforbundet', country: 'NO', kind: 'UNION' },
] as const;

export type OrganizationId = (typeof ORGANIZATIONS)[number]['id'];

/**
 * A stable UUID for a named demo object, so that every service's seed refers to the same
 * network, session or person without reading another service's tables.
 */
export function demoId(name: string): string {
  const h = createHash('sha1').update(`kommunenett:demo:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export * from './demo-catalogue';
export * from './demo-open-round';
