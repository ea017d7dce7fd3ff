import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ErasureRequestStatus } from './enums';

@ObjectType({ description: 'A read of a person’s contact data by someone other than the person.' })
@Entity({ name: 'contact_access' })
export class ContactAccess {
  @Field(() => ID, { description: 'Unique identifier (a UUID); never changes.' }) @PrimaryColumn('uuid') id: string;
  @Field(() => ID, { description: 'The person whose contact data was read.' }) @Column('uuid', { name: 'person_id' }) personId: string;
  @Field({ description: 'The field read: email or phone.' }) @Column('text') field: string;
  @Field(() => String, { nullable: true, description: 'Who read it: the subject (sub) of their token; null when the request carried none.' }) @Column('text', { name: 'viewer_subject', nullable: true }) viewerSubject: string | null;
  @Field(() => String, { nullable: true, description: 'The role the reader acted in, e.g. FACILITATOR; SERVICE for a read by another service.' }) @Column('text', { name: 'viewer_role', nullable: true }) viewerRole: string | null;
  @Field(() => String, { nullable: true, description: 'The reader’s organization, when the token named one.' }) @Column('text', { name: 'viewer_organization_id', nullable: true }) viewerOrganizationId: string | null;
  @Field(() => String, { nullable: true, description: 'Id of the request that read it, to find it in the logs.' }) @Column('text', { name: 'request_id', nullable: true }) requestId: string | null;
  @Field(() => Date, { description: 'When it was read (UTC instant).' }) @Column('timestamptz', { name: 'accessed_at' }) accessedAt: Date;
}

@ObjectType({ description: 'A person’s request to have their personal data erased, decided by ADMIN.' })
@Entity({ name: 'erasure_request' })
export class ErasureRequest {
  @Field(() => ID, { description: 'Unique identifier (a UUID); never changes.' }) @PrimaryColumn('uuid') id: string;
  @Field(() => ID, { description: 'The person who asked.' }) @Column('uuid', { name: 'person_id' }) personId: string;
  @Field(() => String, { nullable: true, description: 'Why, as the person wrote it.' }) @Column('text', { nullable: true }) reason: string | null;
  @Field(() => ErasureRequestStatus, { description: 'REQUESTED while it waits for ADMIN, then COMPLETED or REJECTED.' }) @Column('text') status: ErasureRequestStatus;
  @Field(() => Date, { description: 'When it was asked for (UTC instant).' }) @Column('timestamptz', { name: 'requested_at' }) requestedAt: Date;
  @Column('text', { name: 'decided_by', nullable: true }) decidedBy: string | null;
  @Field(() => Date, { nullable: true, description: 'When ADMIN decided it (UTC instant); null while open.' }) @Column('timestamptz', { name: 'decided_at', nullable: true }) decidedAt: Date | null;
}
