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
  @Field() @Column('text') title: string;
  @Field(() => String, { nullable: true, description: 'Problemstilling.' }) @Column('text', { nullable: true }) problem: string | null;
  @Field(() => String, { nullable: true, description: 'Målsettinger.' }) @Column('text', { nullable: true }) goals: string | null;
  @Field(() => String, { nullable: true, description: 'Tiltak og aktiviteter.' }) @Column('text', { nullable: true }) measures: string | null;
  @Field(() => String, { nullable: true, description: 'Organisering.' }) @Column('text', { nullable: true }) organisation: string | null;
  @Field(() => String, { nullable: true, description: 'The project lead’s mandate («Har prosjektleder et tydelig mandat?»).' })
  @Column('text', { name: 'lead_mandate', nullable: true }) leadMandate: string | null;
  @Field(() => AnchoringPhase) @Column('text', { name: 'anchoring_phase' }) anchoringPhase: AnchoringPhase;
  @Field(() => Int) @VersionColumn() version: number;
  @Field(() => Date) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Field(() => Date) @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@ObjectType({ description: 'A milestone of a municipality project (milepæl).' })
@Entity({ name: 'project_milestone' })
@Index(['projectId', 'position'], { unique: true })
export class ProjectMilestone {
  @Field(() => ID, { description: 'Unique identifier (a UUID); never changes.' }) @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'project_id' }) projectId: string;
  @Field(() => Int) @Column('int') position: number;
  @Field() @Column('text') title: string;
  @Field(() => LocalDateResolver, { nullable: true }) @Column('date', { name: 'due_on', nullable: true }) dueOn: string | null;
  @Field(() => MilestoneStatus) @Column('text') status: MilestoneStatus;
}

@ObjectType({ description: 'A change of a project’s anchoring phase.' })
@Entity({ name: 'anchoring_change' })
@Index(['projectId', 'changedAt'])
export class AnchoringChange {
  @Field(() => ID, { description: 'Unique identifier (a UUID); never changes.' }) @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'project_id' }) projectId: string;
  @Field(() => AnchoringPhase, { nullable: true, description: 'Null for the first phase of the project.' }) @Column('text', { name: 'from_phase', nullable: true }) fromPhase: AnchoringPhase | null;
  @Field(() => AnchoringPhase) @Column('text', { name: 'to_phase' }) toPhase: AnchoringPhase;
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) note: string | null;
  @Field(() => Date) @Column('timestamptz', { name: 'changed_at' }) changedAt: Date;
  @Column('text', { name: 'changed_by', nullable: true }) changedBy: string | null;
}
