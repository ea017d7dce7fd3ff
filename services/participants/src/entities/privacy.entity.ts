import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ErasureRequestStatus } from './enums';

@ObjectType({ description: 'A read of a person’s contact data by someone other than the person.' })
@Entity({ name: 'contact_access' })
export class ContactAccess {
  @Field(() => ID, { description: 'Unique identifier (a UUID); never changes.' }) @PrimaryColumn('uuid') id: string;
  @Field(() => ID) @Column('uuid', { name: 'person_id' }) personId: string;
  @Field({ description: 'The field read: email or phone.' }) @Column('text') field: string;
  @Field(() => String, { nullable: true }) @Column('text', { name: 'viewer_subject', nullable: true }) viewerSubject: string | null;
  @Field(() => String, { nullable: true }) @Column('text', { name: 'viewer_role', nullable: true }) viewerRole: string | null;
  @Field(() => String, { nullable: true }) @Column('text', { name: 'viewer_organization_id', nullable: true }) viewerOrganizationId: string | null;
  @Field(() => String, { nullable: true }) @Column('text', { name: 'request_id', nullable: true }) requestId: string | null;
  @Field(() => Date) @Column('timestamptz', { name: 'accessed_at' }) accessedAt: Date;
}

@ObjectType({ description: 'A person’s request to have their personal data erased, decided by ADMIN.' })
@Entity({ name: 'erasure_request' })
export class ErasureRequest {
  @Field(() => ID, { description: 'Unique identifier (a UUID); never changes.' }) @PrimaryColumn('uuid') id: string;
  @Field(() => ID) @Column('uuid', { name: 'person_id' }) personId: string;
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) reason: string | null;
  @Field(() => ErasureRequestStatus) @Column('text') status: ErasureRequestStatus;
  @Field(() => Date) @Column('timestamptz', { name: 'requested_at' }) requestedAt: Date;
  @Column('text', { name: 'decided_by', nullable: true }) decidedBy: string | null;
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'decided_at', nullable: true }) decidedAt: Date | null;
}
