import { registerEnumType } from 'type-graphql';

/*
 * Enums that several subgraphs emit. Federation needs them identical everywhere, so they are
 * defined and described once, here; each service re-exports the ones it uses from its enums.ts.
 */

export enum Language { nb = 'nb', nn = 'nn', sv = 'sv', en = 'en' }
export enum Country { NO = 'NO', SE = 'SE' }
export enum MunicipalityKind { MUNICIPALITY = 'MUNICIPALITY', COUNTY = 'COUNTY' }

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
