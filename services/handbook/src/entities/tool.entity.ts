import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';
import { ToolKind } from './enums';

@ObjectType({ description: 'A method or template the networks use (a vulnerability mapping, a risk matrix, a case exercise), as an edition describes it.' })
@Directive('@key(fields: "id")')
@Entity({ name: 'tool' })
export class Tool {
  @Field(() => ID, { description: 'Unique identifier (a UUID); never changes.' }) @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'edition_id' }) editionId: string;
  @Field({ description: 'Stable name of the tool across editions.' }) @Column('text') slug: string;
  @Field({ description: 'Name of the tool, e.g. «Risikomatrise».' }) @Column('text') name: string;
  @Field(() => ToolKind, { description: 'What sort of tool it is (a mapping, a matrix, an exercise …).' }) @Column('text') kind: ToolKind;
  @Field({ description: 'What the tool is for, in a sentence or two.' }) @Column('text') purpose: string;
  @Field(() => [String], { description: 'The steps, in order.' }) @Column('text', { array: true }) steps: string[];
  /** Slug of the chapter (in the same edition) that explains the tool. */
  @Column('text', { name: 'chapter_slug', nullable: true }) chapterSlug: string | null;
  @Column('int') position: number;
  @Field(() => String, { nullable: true, description: 'Note on the origin of the text, e.g. that it is a summary written for a demo and not a quotation.' }) @Column('text', { name: 'content_note', nullable: true }) contentNote: string | null;
  @Field(() => Int, { description: 'Increases with every change of the tool in a draft.' }) @VersionColumn() version: number;
}
