import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Country, Language, NetworkStatus, RegistrantKind } from './enums';

/**
 * End (exclusive) of the interval a session covers, in SQL: its end time, or the first instant
 * after its last planned month in the network's time zone; null while undecided. Its start is
 * sort_date. The TypeScript twin is sessionInterval in services/time.ts.
 */
export function sessionIntervalEndSql(session: string, network: string): string {
  return `coalesce(${session}.ends_at, ${session}.starts_at,
    (to_date(coalesce(${session}.planned_to, ${session}.planned_from), 'YYYY-MM') + interval '1 month')::timestamp AT TIME ZONE ${network}.time_zone)`;
}

/**
 * Start of the network's next session: the earliest interval start among the sessions whose
 * interval has not ended, so a session planned for the current month is still upcoming.
 */
export function nextSessionSql(alias: string): string {
  return `SELECT min(s.sort_date) FROM networks.session s WHERE s.network_id = ${alias}.id AND ${sessionIntervalEndSql('s', alias)} > now()`;
}

@ObjectType({ description: 'A learning network: a group of municipalities meeting over a series of gatherings.' })
@Directive('@key(fields: "id")')
@Entity({ name: 'network' })
@Index(['programId'])
@Index(['status'])
@Index(['country'])
@Index(['language'])
@Index(['theme'])
export class Network {
  @Field(() => ID, { description: 'Unique identifier (a UUID); never changes.' }) @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'program_id', nullable: true }) programId: string | null;
  @Field({ description: 'Name of the network, in its language.' }) @Column('text') name: string;
  @Field(() => String, { nullable: true, description: 'What the network is about and for whom.' }) @Column('text', { nullable: true }) description: string | null;
  @Field({ description: 'Theme in a few words, e.g. «antikorrupsjon».' }) @Column('text') theme: string;
  @Field(() => Country, { description: 'Country the network runs in; its municipalities may register.' }) @Column('text') country: Country;
  @Field(() => Language, { description: 'Language the network is held in.' }) @Column('text') language: Language;
  @Field(() => NetworkStatus, { description: 'Where the network stands: DRAFT → PUBLISHED → REGISTRATION_CLOSED → RUNNING → COMPLETED, or CANCELLED.' }) @Column('text') status: NetworkStatus;
  @Column('text', { array: true, name: 'host_ids' }) hostIds: string[];
  @Column('uuid', { array: true, name: 'contact_person_ids', default: () => "'{}'" }) contactPersonIds: string[];
  @Field(() => [String], { description: 'Roles the network is for, e.g. economists, lawyers, controllers.' })
  @Column('text', { array: true, name: 'target_roles', default: () => "'{}'" }) targetRoles: string[];
  @Field(() => [String], { description: 'What the network’s gatherings contain, point by point, in order and worded as the invitation words them (001: «Fördjupad kunskap om lagstiftning …»); empty when it lists none. Each session has its own points.' })
  @Column('text', { array: true, default: () => "'{}'" }) points: string[];
  @Field(() => [RegistrantKind], { description: 'Who may register: municipalities, county authorities or both.' }) @Column('text', { array: true, name: 'eligible_kinds' }) eligibleKinds: RegistrantKind[];
  @Field(() => Int, { nullable: true, description: 'Maximum number of participants.' }) @Column('int', { nullable: true }) capacity: number | null;
  @Field(() => Int, { nullable: true, description: 'Fewest participants for the network to run; null when there is no minimum.' }) @Column('int', { name: 'capacity_min', nullable: true }) capacityMin: number | null;
  @Field(() => Int, { nullable: true, description: 'Number of municipalities the network is set up for, as its programme states it (004: «2 nettverk med tema omdømme – 16 kommuner», so 8 each); null when not stated. municipalityCount counts the registered ones.' })
  @Column('int', { name: 'planned_municipality_count', nullable: true }) plannedMunicipalityCount: number | null;
  @Field(() => Int, { nullable: true, description: 'Most participants one municipality may register.' }) @Column('int', { name: 'per_municipality_limit', nullable: true }) perMunicipalityLimit: number | null;
  @Field(() => Int, { nullable: true, description: 'Fewest participants a municipality should register.' }) @Column('int', { name: 'per_municipality_min', nullable: true }) perMunicipalityMin: number | null;
  @Field(() => Date, { nullable: true, description: 'Start of the first day of registration (00:00 in the network’s time zone), as a UTC instant; null when registration opens on publication.' }) @Column('timestamptz', { name: 'registration_opens_at', nullable: true }) registrationOpensAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'End of the last day of registration, in the network’s time zone.' }) @Column('timestamptz', { name: 'registration_deadline', nullable: true }) registrationDeadline: Date | null;
  @Field({ description: 'Registrations wait for approval by the organizer.' }) @Column('boolean', { name: 'requires_approval', default: false }) requiresApproval: boolean;
  @Field({ description: 'Participation must be anchored in a leadership decision.' }) @Column('boolean', { name: 'requires_leadership_anchoring', default: false }) requiresLeadershipAnchoring: boolean;
  @Field(() => String, { nullable: true, description: 'Who pays what, e.g. travel and stay borne by the municipality.' }) @Column('text', { name: 'cost_note', nullable: true }) costNote: string | null;
  @Field({ description: 'IANA time zone the network’s dates are in: Europe/Oslo or Europe/Stockholm.' }) @Column('text', { name: 'time_zone' }) timeZone: string;
  /**
   * Start of the next session's interval (the field `nextSessionAt`): not a column, so that a
   * page of networks does not run a subquery per row; read when the catalogue is ordered by it.
   */
  nextSessionAt?: Date | null;
  @Field(() => String, { nullable: true, description: 'Why the network was cancelled; null unless CANCELLED.' }) @Column('text', { name: 'cancellation_reason', nullable: true }) cancellationReason: string | null;
  @Field(() => Int, { description: 'Increases with every change; pass it as expectedVersion when updating.' }) @VersionColumn() version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
