import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { LocalDateResolver } from 'graphql-scalars';
import { AnchoringPhase, MilestoneStatus } from './enums';

@ObjectType({ description: 'A municipality’s development project in a network (as presented at the first gathering of «Saman om ein betre kommune»).' })
@Entity({ name: 'municipality_project' })
@Index(['networkId', 'municipalityId'], { unique: true })
@Index(['municipalityId'])
export class MunicipalityProject {
  @Field(() => ID, { description: 'Unique identifier (a UUID); never changes.' }) @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'network_id' }) networkId: string;
  @Column('text', { name: 'municipality_id' }) municipalityId: string;
  @Field({ description: 'Title of the project.' }) @Column('text') title: string;
  @Field(() => String, { nullable: true, description: 'Problemstilling.' }) @Column('text', { nullable: true }) problem: string | null;
  @Field(() => String, { nullable: true, description: 'Målsettinger.' }) @Column('text', { nullable: true }) goals: string | null;
  @Field(() => String, { nullable: true, description: 'Tiltak og aktiviteter.' }) @Column('text', { nullable: true }) measures: string | null;
  @Field(() => String, { nullable: true, description: 'Organisering.' }) @Column('text', { nullable: true }) organisation: string | null;
  @Field(() => String, { nullable: true, description: 'The project lead’s mandate («Har prosjektleder et tydelig mandat?»).' })
  @Column('text', { name: 'lead_mandate', nullable: true }) leadMandate: string | null;
  @Field(() => AnchoringPhase, { description: 'How far the project is anchored in the municipality’s organization: AWARENESS → ACCEPTANCE → OWNERSHIP.' }) @Column('text', { name: 'anchoring_phase' }) anchoringPhase: AnchoringPhase;
  @Field(() => Int, { description: 'Increases with every change; pass it as expectedVersion when saving.' }) @VersionColumn() version: number;
  @Field(() => Date, { description: 'When the project was first saved (UTC instant).' }) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Field(() => Date, { description: 'When the project last changed (UTC instant).' }) @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@ObjectType({ description: 'A milestone of a municipality project (milepæl).' })
@Entity({ name: 'project_milestone' })
@Index(['projectId', 'position'], { unique: true })
export class ProjectMilestone {
  @Field(() => ID, { description: 'Unique identifier (a UUID); never changes.' }) @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'project_id' }) projectId: string;
  @Field(() => Int, { description: 'Place among the project’s milestones, from 1.' }) @Column('int') position: number;
  @Field({ description: 'What is to be reached.' }) @Column('text') title: string;
  @Field(() => LocalDateResolver, { nullable: true, description: 'Day it is due; null when no date is set.' }) @Column('date', { name: 'due_on', nullable: true }) dueOn: string | null;
  @Field(() => MilestoneStatus, { description: 'Planned, in progress, done, delayed or dropped.' }) @Column('text') status: MilestoneStatus;
}

@ObjectType({ description: 'A change of a project’s anchoring phase.' })
@Entity({ name: 'anchoring_change' })
@Index(['projectId', 'changedAt'])
export class AnchoringChange {
  @Field(() => ID, { description: 'Unique identifier (a UUID); never changes.' }) @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'project_id' }) projectId: string;
  @Field(() => AnchoringPhase, { nullable: true, description: 'Null for the first phase of the project.' }) @Column('text', { name: 'from_phase', nullable: true }) fromPhase: AnchoringPhase | null;
  @Field(() => AnchoringPhase, { description: 'The phase the project moved to.' }) @Column('text', { name: 'to_phase' }) toPhase: AnchoringPhase;
  @Field(() => String, { nullable: true, description: 'Why, as the coordinator or facilitator wrote it.' }) @Column('text', { nullable: true }) note: string | null;
  @Field(() => Date, { description: 'When the phase changed (UTC instant).' }) @Column('timestamptz', { name: 'changed_at' }) changedAt: Date;
  @Column('text', { name: 'changed_by', nullable: true }) changedBy: string | null;
}
