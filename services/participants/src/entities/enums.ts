import { registerEnumType } from 'type-graphql';

export enum Country { NO = 'NO', SE = 'SE' }
export enum MunicipalityKind { MUNICIPALITY = 'MUNICIPALITY', COUNTY = 'COUNTY' }
export enum OrganizationKind { ASSOCIATION = 'ASSOCIATION', NGO = 'NGO', MINISTRY = 'MINISTRY', UNION = 'UNION', OTHER = 'OTHER' }
export enum RegistrationStatus {
  PENDING = 'PENDING', CONFIRMED = 'CONFIRMED', WAITLISTED = 'WAITLISTED', OFFERED = 'OFFERED',
  CANCELLED = 'CANCELLED', REJECTED = 'REJECTED',
}
export enum Gender { FEMALE = 'FEMALE', MALE = 'MALE', OTHER = 'OTHER' }
export enum AttendanceStatus { PRESENT = 'PRESENT', ABSENT = 'ABSENT', EXCUSED = 'EXCUSED' }
export enum RegistrationChangeKind { CREATED = 'CREATED', STATUS_CHANGED = 'STATUS_CHANGED', UPDATED = 'UPDATED', MOVED = 'MOVED', ANONYMIZED = 'ANONYMIZED' }
export enum WebhookDeliveryStatus { PENDING = 'PENDING', DELIVERED = 'DELIVERED', FAILED = 'FAILED' }
export enum ErasureRequestStatus { REQUESTED = 'REQUESTED', COMPLETED = 'COMPLETED', REJECTED = 'REJECTED' }
export enum StatisticsDimension { COUNTY = 'COUNTY', MUNICIPALITY = 'MUNICIPALITY', NETWORK = 'NETWORK', ROLE = 'ROLE', GENDER = 'GENDER' }

/** Statuses that hold a seat in the network. */
export const SEAT_HOLDING: readonly RegistrationStatus[] = [RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED, RegistrationStatus.OFFERED];
/** Statuses of a live registration: it holds a seat or waits for one. */
export const LIVE: readonly RegistrationStatus[] = [...SEAT_HOLDING, RegistrationStatus.WAITLISTED];

registerEnumType(Country, { name: 'Country' });
registerEnumType(MunicipalityKind, { name: 'MunicipalityKind', description: 'A municipality, or a county authority (fylkeskommune, region).' });
registerEnumType(OrganizationKind, { name: 'OrganizationKind' });
registerEnumType(RegistrationStatus, {
  name: 'RegistrationStatus',
  description: 'PENDING waits for approval and holds a seat; WAITLISTED waits for a seat; OFFERED has been offered a freed seat until offerExpiresAt; CANCELLED and REJECTED are final.',
});
registerEnumType(Gender, { name: 'Gender', description: 'Only where the person gave it.' });
registerEnumType(AttendanceStatus, { name: 'AttendanceStatus' });
registerEnumType(RegistrationChangeKind, { name: 'RegistrationChangeKind' });
registerEnumType(WebhookDeliveryStatus, { name: 'WebhookDeliveryStatus' });
registerEnumType(ErasureRequestStatus, { name: 'ErasureRequestStatus' });
registerEnumType(StatisticsDimension, { name: 'StatisticsDimension' });
