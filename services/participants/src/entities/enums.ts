import { registerEnumType } from 'type-graphql';

export enum Country { NO = 'NO', SE = 'SE' }
export enum MunicipalityKind { MUNICIPALITY = 'MUNICIPALITY', COUNTY = 'COUNTY' }
export enum OrganizationKind { ASSOCIATION = 'ASSOCIATION', NGO = 'NGO', MINISTRY = 'MINISTRY', UNION = 'UNION', OTHER = 'OTHER' }
export enum RegistrationStatus { PENDING = 'PENDING', CONFIRMED = 'CONFIRMED', WAITLISTED = 'WAITLISTED', CANCELLED = 'CANCELLED' }

registerEnumType(Country, { name: 'Country' });
registerEnumType(MunicipalityKind, { name: 'MunicipalityKind', description: 'A municipality, or a county authority (fylkeskommune, region).' });
registerEnumType(OrganizationKind, { name: 'OrganizationKind' });
registerEnumType(RegistrationStatus, { name: 'RegistrationStatus' });
