import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Language } from './enums';

@ObjectType({ description: 'Guidance material that learning networks work from and revise, e.g. «Beskytt kommunen!».' })
@Directive('@key(fields: "id")')
@Entity({ name: 'handbook' })
export class Handbook {
  @Field(() => ID, { description: 'Unique identifier (a UUID); never changes.' }) @PrimaryColumn('uuid') id: string;
  @Field({ description: 'Stable name in URLs and anchors, e.g. "beskytt-kommunen".' }) @Column('text', { unique: true }) slug: string;
  @Field({ description: 'Title of the handbook, e.g. «Beskytt kommunen!».' }) @Column('text') title: string;
  @Field(() => String, { nullable: true, description: 'Subtitle, when the handbook has one.' }) @Column('text', { nullable: true }) subtitle: string | null;
  @Field(() => String, { nullable: true, description: 'What the handbook is for and who it is written for.' }) @Column('text', { nullable: true }) description: string | null;
  @Field(() => Language, { description: 'Language the handbook is written in.' }) @Column('text') language: Language;
  /** Organizations whose ORG_ADMINs edit the handbook. */
  @Column('text', { array: true, name: 'publisher_ids' }) publisherIds: string[];
  @Field(() => Int, { description: 'Increases with every change of the handbook’s own fields (not of its editions).' }) @VersionColumn() version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
