import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { SubmissionStatus } from './enums';

@ObjectType({ description: 'Work between gatherings, e.g. a vulnerability mapping after the first gathering; each registrant municipality answers with a submission.' })
@Directive('@key(fields: "id")')
@Entity({ name: 'assignment' })
@Index(['networkId', 'position'], { unique: true })
export class Assignment {
  @Field(() => ID, { description: 'Unique identifier (a UUID); never changes.' }) @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'network_id' }) networkId: string;
  @Field(() => Int, { description: 'Order within the network, from 1.' }) @Column('int') position: number;
  @Field({ description: 'What the work is, e.g. «Kartlegging av sårbarhet».' }) @Column('text') title: string;
  @Field({ description: 'What the municipalities are asked to do.' }) @Column('text') instructions: string;
  @Column('uuid', { name: 'given_at_session_id', nullable: true }) givenAtSessionId: string | null;
  @Column('uuid', { name: 'due_before_session_id', nullable: true }) dueBeforeSessionId: string | null;
  @Field(() => Int, { description: 'Increases with every change; pass it as expectedVersion when updating.' }) @VersionColumn() version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@ObjectType({ description: 'A municipality’s answer to an assignment.' })
@Entity({ name: 'submission' })
@Index(['assignmentId', 'municipalityId'], { unique: true })
@Index(['municipalityId'])
export class Submission {
  @Field(() => ID, { description: 'Unique identifier (a UUID); never changes.' }) @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'assignment_id' }) assignmentId: string;
  @Column('text', { name: 'municipality_id' }) municipalityId: string;
  @Field(() => SubmissionStatus, { description: 'NOT_STARTED, DRAFT, SUBMITTED or REVIEWED.' }) @Column('text') status: SubmissionStatus;
  @Field(() => String, { nullable: true, description: 'The answer as text.' }) @Column('text', { nullable: true }) text: string | null;
  @Field(() => [String], { description: 'Links to documents (https).' }) @Column('text', { array: true, default: () => "'{}'" }) links: string[];
  @Column('text', { name: 'submitted_by_person_id', nullable: true }) submittedByPersonId: string | null;
  @Field(() => Date, { nullable: true, description: 'When it was submitted (UTC instant); null before.' }) @Column('timestamptz', { name: 'submitted_at', nullable: true }) submittedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When it was reviewed (UTC instant); null before.' }) @Column('timestamptz', { name: 'reviewed_at', nullable: true }) reviewedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Feedback from the facilitator.' }) @Column('text', { name: 'review_note', nullable: true }) reviewNote: string | null;
  @Field(() => Int, { description: 'Increases with every change; pass it as expectedVersion.' }) @VersionColumn() version: number;
  @Field(() => Date, { description: 'When the draft was first saved (UTC instant).' }) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Field(() => Date, { description: 'When the submission last changed (UTC instant).' }) @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
