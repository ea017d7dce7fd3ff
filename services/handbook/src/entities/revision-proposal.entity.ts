import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { ProposalStatus } from './enums';

@ObjectType({ description: 'A change to a handbook section proposed from a network’s experience, decided by the handbook’s editors.' })
@Directive('@key(fields: "id")')
@Entity({ name: 'revision_proposal' })
export class RevisionProposal {
  @Field(() => ID, { description: 'Unique identifier (a UUID); never changes.' }) @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'handbook_id' }) handbookId: string;
  /** Section slug the proposal is about (the anchor without the handbook part). */
  @Column('text', { name: 'chapter_slug' }) chapterSlug: string;
  @Column('uuid', { name: 'network_id' }) networkId: string;
  @Column('uuid', { name: 'session_id', nullable: true }) sessionId: string | null;
  /** Token subject of the proposer; personal data stays in the participants service. */
  @Column('text', { name: 'proposed_by' }) proposedBy: string;
  @Column('uuid', { name: 'proposer_person_id', nullable: true }) proposerPersonId: string | null;
  @Field({ description: 'Role the proposer acted in, e.g. FACILITATOR.' }) @Column('text', { name: 'proposer_role' }) proposerRole: string;
  @Field({ description: 'What the proposal is about, in a line.' }) @Column('text') title: string;
  @Field({ description: 'Why: what the network learned.' }) @Column('text') rationale: string;
  @Field(() => String, { nullable: true, description: 'Proposed new text of the section, as Markdown.' })
  @Column('text', { name: 'proposed_markdown', nullable: true }) proposedMarkdown: string | null;
  @Field(() => ProposalStatus, { description: 'PROPOSED until the editors decide, then ACCEPTED or REJECTED.' }) @Column('text') status: ProposalStatus;
  @Field(() => String, { nullable: true, description: 'Why the editors rejected it, or their note on accepting it.' })
  @Column('text', { name: 'decision_note', nullable: true }) decisionNote: string | null;
  @Column('text', { name: 'decided_by', nullable: true }) decidedBy: string | null;
  @Field(() => Date, { nullable: true, description: 'When the editors accepted or rejected it (UTC instant); null while PROPOSED.' }) @Column('timestamptz', { name: 'decided_at', nullable: true }) decidedAt: Date | null;
  @Column('uuid', { name: 'accepted_into_edition_id', nullable: true }) acceptedIntoEditionId: string | null;
  @Field(() => Int, { description: 'Increases with every change of the proposal.' }) @VersionColumn() version: number;
  @Field(() => Date, { description: 'When the proposal was made (UTC instant).' }) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
