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
  @Field() @Column('text') name: string;
  @Field(() => ToolKind) @Column('text') kind: ToolKind;
  @Field() @Column('text') purpose: string;
  @Field(() => [String], { description: 'The steps, in order.' }) @Column('text', { array: true }) steps: string[];
  /** Slug of the chapter (in the same edition) that explains the tool. */
  @Column('text', { name: 'chapter_slug', nullable: true }) chapterSlug: string | null;
  @Column('int') position: number;
  @Field(() => String, { nullable: true }) @Column('text', { name: 'content_note', nullable: true }) contentNote: string | null;
  @Field(() => Int) @VersionColumn() version: number;
}
