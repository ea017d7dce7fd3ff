import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { LocalDateResolver } from 'graphql-scalars';
import { EditionStatus } from './enums';

@ObjectType({ description: 'One edition of a handbook. Immutable once published; a revision is a new draft copied from the latest edition.' })
@Directive('@key(fields: "id")')
@Entity({ name: 'edition' })
export class Edition {
  @Field(() => ID, { description: 'Unique identifier (a UUID); never changes.' }) @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'handbook_id' }) handbookId: string;
  @Field(() => Int, { description: 'Edition number within the handbook, from 1.' }) @Column('int') number: number;
  @Field({ description: 'Title of the edition, e.g. "2. utgave".' }) @Column('text') title: string;
  @Field(() => EditionStatus, { description: 'DRAFT while being revised, PUBLISHED when in force, SUPERSEDED once a newer edition is published.' }) @Column('text') status: EditionStatus;
  @Field(() => LocalDateResolver, { nullable: true, description: 'Day the edition was published; null for a draft.' })
  @Column('date', { name: 'published_on', nullable: true }) publishedOn: string | null;
  @Field(() => String, { nullable: true, description: 'What is new in this edition.' }) @Column('text', { nullable: true }) notes: string | null;
  /** The edition this one was copied from (null for the first). */
  @Column('uuid', { name: 'based_on_id', nullable: true }) basedOnId: string | null;
  @Field(() => Int, { description: 'Increases with every change of the edition and with every change inside a draft (chapters added, changed, moved, removed; proposals accepted); pass it as expectedVersion to publishEdition.' }) @VersionColumn() version: number;
  @Field(() => Date, { description: 'When the edition was created (UTC instant).' }) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
