import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Language } from './enums';

@ObjectType({ description: 'Guidance material that learning networks work from and revise, e.g. «Beskytt kommunen!».' })
@Directive('@key(fields: "id")')
@Entity({ name: 'handbook' })
export class Handbook {
  @Field(() => ID, { description: 'Unique identifier (a UUID); never changes.' }) @PrimaryColumn('uuid') id: string;
  @Field({ description: 'Stable name in URLs and anchors, e.g. "beskytt-kommunen".' }) @Column('text', { unique: true }) slug: string;
  @Field() @Column('text') title: string;
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) subtitle: string | null;
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) description: string | null;
  @Field(() => Language) @Column('text') language: Language;
  /** Organizations whose ORG_ADMINs edit the handbook. */
  @Column('text', { array: true, name: 'publisher_ids' }) publisherIds: string[];
  @Field(() => Int) @VersionColumn() version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
