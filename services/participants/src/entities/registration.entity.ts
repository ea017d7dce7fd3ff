import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';
import { RegistrationStatus } from './enums';

@ObjectType({ description: 'A person registered by a municipality for a network.' })
@Directive('@key(fields: "id")')
@Entity({ name: 'registration' })
@Index(['networkId', 'status'])
@Index(['municipalityId'])
@Index(['personId'])
export class Registration {
  @Field(() => ID) @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'network_id' }) networkId: string;
  @Column('uuid', { name: 'person_id', nullable: true }) personId: string | null;
  @Column('text', { name: 'municipality_id' }) municipalityId: string;
  @Field(() => RegistrationStatus) @Column('text') status: RegistrationStatus;
  @Field(() => Int, { nullable: true, description: 'Place in the waitlist, from 1, while WAITLISTED.' })
  @Column('int', { name: 'waitlist_position', nullable: true }) waitlistPosition: number | null;
  @Field(() => Date) @Column('timestamptz', { name: 'registered_at' }) registeredAt: Date;
  @Field(() => String, { nullable: true, description: 'The leadership decision the participation is anchored in.' })
  @Column('text', { name: 'leadership_anchoring', nullable: true }) leadershipAnchoring: string | null;
  @Field() @VersionColumn() version: number;
}
