import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Language } from './enums';

@ObjectType({ description: 'A recommendation that municipalities report their status on, e.g. one of Transparency International’s eight.' })
@Directive('@key(fields: "id")')
@Entity({ name: 'recommendation' })
export class Recommendation {
  @Field(() => ID, { description: 'Unique identifier (a UUID); never changes.' }) @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'handbook_id' }) handbookId: string;
  @Field(() => Int, { description: 'Number of the recommendation in its handbook, from 1.' }) @Column('int') number: number;
  @Field({ description: 'The recommendation as its source words it.' }) @Column('text') title: string;
  @Field({ description: 'What the recommendation asks of a municipality.' }) @Column('text') text: string;
  @Field({ description: 'Where the recommendation comes from.' }) @Column('text') source: string;
  @Field(() => Language, { description: 'Language the recommendation is written in.' }) @Column('text') language: Language;
  @Field(() => String, { nullable: true, description: 'Note on the origin of the text, e.g. that it is a summary written for a demo and not a quotation.' }) @Column('text', { name: 'content_note', nullable: true }) contentNote: string | null;
}
