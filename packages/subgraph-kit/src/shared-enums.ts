import { registerEnumType } from 'type-graphql';

/*
 * Enums that several subgraphs emit. Federation needs them identical everywhere, so they are
 * defined and described once, here; each service re-exports the ones it uses from its enums.ts.
 */

export enum Language { nb = 'nb', nn = 'nn', sv = 'sv', en = 'en' }
export enum Country { NO = 'NO', SE = 'SE' }
export enum MunicipalityKind { MUNICIPALITY = 'MUNICIPALITY', COUNTY = 'COUNTY' }
/** Municipality size classes by inhabitants (`SIZE_CLASSES` of the reference data; docs/reports.md): participationStatistics and statistics group by them. */
export enum MunicipalitySizeClass {
  UNDER_5000 = 'UNDER_5000', FROM_5000_TO_19999 = 'FROM_5000_TO_19999', FROM_20000_TO_49999 = 'FROM_20000_TO_49999',
  FROM_50000_TO_99999 = 'FROM_50000_TO_99999', FROM_100000 = 'FROM_100000',
}

registerEnumType(Language, {
  name: 'Language',
  description: 'Language of a text: Bokmål, Nynorsk, Swedish, English.',
  valuesConfig: {
    nb: { description: 'Norwegian Bokmål.' },
    nn: { description: 'Norwegian Nynorsk.' },
    sv: { description: 'Swedish.' },
    en: { description: 'English.' },
  },
});
registerEnumType(Country, {
  name: 'Country',
  description: 'A country the platform serves.',
  valuesConfig: {
    NO: { description: 'Norway.' },
    SE: { description: 'Sweden.' },
  },
});
registerEnumType(MunicipalityKind, {
  name: 'MunicipalityKind',
  description: 'A municipality, or a county authority (fylkeskommune, region).',
  valuesConfig: {
    MUNICIPALITY: { description: 'A municipality (kommun, kommune).' },
    COUNTY: { description: 'A county authority (fylkeskommune, region).' },
  },
});
registerEnumType(MunicipalitySizeClass, {
  name: 'MunicipalitySizeClass',
  description: 'Municipalities by inhabitants (latest figure): under 5,000; 5,000–19,999; 20,000–49,999; 50,000–99,999; 100,000 and more.',
  valuesConfig: {
    UNDER_5000: { description: 'Fewer than 5,000 inhabitants.' },
    FROM_5000_TO_19999: { description: '5,000 to 19,999 inhabitants.' },
    FROM_20000_TO_49999: { description: '20,000 to 49,999 inhabitants.' },
    FROM_50000_TO_99999: { description: '50,000 to 99,999 inhabitants.' },
    FROM_100000: { description: '100,000 inhabitants or more.' },
  },
});
