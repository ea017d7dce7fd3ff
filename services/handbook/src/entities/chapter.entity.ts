import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Language } from './enums';

@ObjectType({ description: 'A section of an edition. Sections nest; `anchor` identifies the same section across editions.' })
@Directive('@key(fields: "id")')
@Entity({ name: 'chapter' })
export class Chapter {
  @Field(() => ID, { description: 'Unique identifier (a UUID); never changes.' }) @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'edition_id' }) editionId: string;
  @Field({ description: 'The section part of the anchor, unique within an edition, e.g. "verdier-holdninger-og-kultur".' })
  @Column('text') slug: string;
  @Column('uuid', { name: 'parent_id', nullable: true }) parentId: string | null;
  /** 1-based order among the siblings. */
  @Column('int') position: number;
  @Field({ description: 'Heading of the section, in the handbook’s language.' }) @Column('text') title: string;
  @Field(() => String, { nullable: true, description: 'A short summary shown in tables of contents; null when none was written.' }) @Column('text', { nullable: true }) summary: string | null;
  @Field({ description: 'The text as Markdown.' }) @Column('text', { name: 'body_markdown' }) bodyMarkdown: string;
  /** The body as plain text: what search indexes and highlights. */
  @Column('text', { name: 'body_text' }) bodyText: string;
  @Field(() => [String], { description: 'Keywords for finding the section, e.g. "risiko".' }) @Column('text', { array: true, default: () => "'{}'" }) tags: string[];
  @Field(() => Language, { description: 'Language the section is written in (the handbook’s).' }) @Column('text') language: Language;
  @Field(() => String, { nullable: true, description: 'Note on the origin of the text, e.g. that it is a summary written for a demo and not a quotation.' })
  @Column('text', { name: 'content_note', nullable: true }) contentNote: string | null;
  @Field(() => Int, { description: 'Increases with every change of the section in a draft; pass it as expectedVersion when changing or moving it.' }) @VersionColumn() version: number;
  @Field(() => Date, { description: 'When the section last changed (UTC instant).' }) @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
