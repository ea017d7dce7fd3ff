import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { RegistrationChangeKind, RegistrationStatus } from './enums';

/** One entry of the change feed; also what a webhook event announces. */
@ObjectType({ description: 'A change of a registration, in the order the changes were committed.' })
@Entity({ name: 'registration_change' })
export class RegistrationChange {
  /** Position in the feed; bigint comes back from pg as a string. */
  @PrimaryColumn('bigint') seq: string;
  @Column('uuid', { name: 'registration_id' }) registrationId: string;
  @Column('uuid', { name: 'network_id' }) networkId: string;
  @Column('text', { name: 'municipality_id' }) municipalityId: string;
  @Field(() => RegistrationChangeKind, { description: 'What happened: created, status changed, updated, moved or anonymized (the person erased).' }) @Column('text') kind: RegistrationChangeKind;
  @Field(() => RegistrationStatus, { description: 'Status after the change.' }) @Column('text') status: RegistrationStatus;
  @Field(() => RegistrationStatus, { nullable: true, description: 'Status before the change; null when the registration was created.' }) @Column('text', { name: 'previous_status', nullable: true }) previousStatus: RegistrationStatus | null;
  @Column('text', { nullable: true }) actor: string | null;
  @Field(() => Date, { description: 'When the change was committed (UTC instant).' }) @Column('timestamptz', { name: 'occurred_at' }) occurredAt: Date;
}
