import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { RegistrationStatus } from './enums';

@ObjectType({ description: 'A person registered by a municipality for a network.' })
@Directive('@key(fields: "id")')
@Entity({ name: 'registration' })
@Index(['networkId', 'status'])
@Index(['municipalityId'])
@Index(['personId'])
export class Registration {
  @Field(() => ID, { description: 'Unique identifier (a UUID); never changes.' }) @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'network_id' }) networkId: string;
  @Column('uuid', { name: 'person_id', nullable: true }) personId: string | null;
  @Column('text', { name: 'municipality_id' }) municipalityId: string;
  @Field(() => RegistrationStatus, { description: 'CONFIRMED, PENDING, OFFERED, WAITLISTED, REJECTED or CANCELLED.' }) @Column('text') status: RegistrationStatus;
  @Field(() => Int, { nullable: true, description: 'Place in the waitlist, from 1, while WAITLISTED.' })
  @Column('int', { name: 'waitlist_position', nullable: true }) waitlistPosition: number | null;
  @Field(() => Date, { description: 'When the registration was made (UTC instant); decides the order of the waitlist.' }) @Column('timestamptz', { name: 'registered_at' }) registeredAt: Date;
  @Field(() => String, { nullable: true, description: 'The leadership decision the participation is anchored in.' })
  @Column('text', { name: 'leadership_anchoring', nullable: true }) leadershipAnchoring: string | null;
  @Field(() => String, { nullable: true, description: 'A note to the organizer.' }) @Column('text', { nullable: true }) note: string | null;
  @Field(() => String, { nullable: true, description: 'The registering partner system’s own reference, unique per partner client.' })
  @Column('text', { name: 'external_ref', nullable: true }) externalRef: string | null;
  /** Token subject of who registered. */
  @Column('text', { name: 'registered_by', nullable: true }) registeredBy: string | null;
  @Field(() => String, { nullable: true, description: 'Role of who registered: COORDINATOR, PARTNER, ORG_ADMIN, ADMIN.' })
  @Column('text', { name: 'registered_by_role', nullable: true }) registeredByRole: string | null;
  /** False when the registrar reused a person they could not see: then it shows the person to no one of the registrar's role. */
  @Column('boolean', { name: 'grants_registrar_access', default: true }) grantsRegistrarAccess: boolean;
  @Field(() => String, { nullable: true, description: 'Partner client the registration came through, if any.' })
  @Column('text', { name: 'client_id', nullable: true }) clientId: string | null;
  @Field(() => Date, { nullable: true, description: 'While OFFERED: when the offer lapses and passes to the next in line.' })
  @Column('timestamptz', { name: 'offer_expires_at', nullable: true }) offerExpiresAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Why the registration was rejected or cancelled.' })
  @Column('text', { name: 'status_reason', nullable: true }) statusReason: string | null;
  @Column('text', { name: 'decided_by', nullable: true }) decidedBy: string | null;
  @Field(() => Date, { description: 'When the registration last changed (UTC instant).' }) @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Field(() => Int, { description: 'Increases with every change; pass it as expectedVersion.' }) @VersionColumn() version: number;
}
