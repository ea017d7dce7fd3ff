import { registerEnumType } from 'type-graphql';

export enum Language { nb = 'nb', nn = 'nn', sv = 'sv', en = 'en' }
export enum Country { NO = 'NO', SE = 'SE' }
export enum ProgramStatus { PLANNED = 'PLANNED', ACTIVE = 'ACTIVE', COMPLETED = 'COMPLETED' }
export enum NetworkStatus {
  DRAFT = 'DRAFT', PUBLISHED = 'PUBLISHED', REGISTRATION_CLOSED = 'REGISTRATION_CLOSED',
  RUNNING = 'RUNNING', COMPLETED = 'COMPLETED', CANCELLED = 'CANCELLED',
}
export enum RegistrantKind { MUNICIPALITY = 'MUNICIPALITY', COUNTY = 'COUNTY' }
export enum SessionKind { GATHERING = 'GATHERING', THEME_DAY = 'THEME_DAY', WEBINAR = 'WEBINAR' }

registerEnumType(Language, { name: 'Language', description: 'Language of a text: Bokmål, Nynorsk, Swedish, English.' });
registerEnumType(Country, { name: 'Country' });
registerEnumType(ProgramStatus, { name: 'ProgramStatus' });
registerEnumType(NetworkStatus, {
  name: 'NetworkStatus',
  description: 'DRAFT → PUBLISHED (open for registration) → REGISTRATION_CLOSED → RUNNING → COMPLETED; CANCELLED from any state before COMPLETED.',
});
registerEnumType(RegistrantKind, { name: 'RegistrantKind', description: 'Who may register: municipalities, county authorities.' });
registerEnumType(SessionKind, { name: 'SessionKind' });
