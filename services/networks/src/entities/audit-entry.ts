import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { ConnectionType } from '@kommunenett/subgraph-kit';

/** What an entry of a network's trail is about; the networks service writes the first three, participants the rest. */
export enum NetworkAuditKind {
  NETWORK_RULES = 'NETWORK_RULES', NETWORK_STATUS = 'NETWORK_STATUS', SESSION = 'SESSION', REGISTRATION = 'REGISTRATION', ATTENDANCE = 'ATTENDANCE',
}
export const NETWORKS_OWN_AUDIT_KINDS: readonly NetworkAuditKind[] = [NetworkAuditKind.NETWORK_RULES, NetworkAuditKind.NETWORK_STATUS, NetworkAuditKind.SESSION];

registerEnumType(NetworkAuditKind, {
  name: 'NetworkAuditKind',
  description: 'What an entry of a network’s audit trail is about.',
  valuesConfig: {
    NETWORK_RULES: { description: 'The network was created or its description, rules, dates or capacity changed.' },
    NETWORK_STATUS: { description: 'The network’s status changed (published, registration closed, started, completed, cancelled).' },
    SESSION: { description: 'A gathering was added, scheduled, moved, changed or removed.' },
    REGISTRATION: { description: 'A registration was made, approved, rejected, offered a seat, moved, cancelled or anonymised.' },
    ATTENDANCE: { description: 'Attendance of a person at a gathering was recorded, changed or removed.' },
  },
});

@ObjectType({ description: 'One change of a network, its gatherings, registrations or attendance, as it was made. Entries are never changed or removed (only erasure of a person replaces their name and subject).' })
export class NetworkAuditEntry {
  @Field(() => ID, { description: 'Unique within the trail.' }) id: string;
  @Field(() => Date, { description: 'When the change was committed.' }) occurredAt: Date;
  @Field(() => NetworkAuditKind, { description: 'What changed: the network’s rules, its status, a gathering, a registration or attendance.' }) kind: NetworkAuditKind;
  @Field({ description: 'What was done: the mutation or transition for network and gathering entries (updateNetwork, publish, cancel, scheduleSession, …), the change kind for registrations (CREATED, STATUS_CHANGED, MOVED, …), RECORDED/CHANGED/REMOVED for attendance.' })
  action: string;
  @Field(() => ID, { description: 'The object changed: the network, the gathering (session), or the registration; for attendance the gathering.' }) subjectId: string;
  @Field(() => ID, { nullable: true, description: 'The person concerned (registrations and attendance).' }) personId: string | null;
  @Field(() => String, { nullable: true, description: 'Token subject of who made the change; service:<name> for the platform itself (a job, a cascade), null for demo data.' }) actor: string | null;
  @Field(() => String, { nullable: true, description: 'Their role at the time (ADMIN, ORG_ADMIN, FACILITATOR, COORDINATOR, PARTNER, PARTICIPANT), null for the platform.' }) actorRole: string | null;
  @Field(() => String, { nullable: true, description: 'Through which client: the token’s client id (a partner system), gateway (a token used directly against the API), offer-link (a seat offer answered by its link), service:<name>; null for entries made by jobs and demo data.' })
  client: string | null;
  @Field(() => GraphQLJSON, { nullable: true, description: 'The changed values before the change (only the fields that changed), null for something new.' }) before: Record<string, unknown> | null;
  @Field(() => GraphQLJSON, { nullable: true, description: 'The changed values after the change, null for something removed.' }) after: Record<string, unknown> | null;
  /** Microseconds since 1970, as text: the trail's order and cursor. */
  micros: string;
}

export const NetworkAuditEntryConnection = ConnectionType(NetworkAuditEntry, 'NetworkAuditEntry');
