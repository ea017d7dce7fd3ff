import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Language } from './enums';

@ObjectType({ description: 'A recommendation that municipalities report their status on, e.g. one of Transparency International’s eight.' })
@Directive('@key(fields: "id")')
@Entity({ name: 'recommendation' })
export class Recommendation {
  @Field(() => ID, { description: 'Unique identifier (a UUID); never changes.' }) @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'handbook_id' }) handbookId: string;
  @Field(() => Int) @Column('int') number: number;
  @Field({ description: 'The recommendation as its source words it.' }) @Column('text') title: string;
  @Field({ description: 'What the recommendation asks of a municipality.' }) @Column('text') text: string;
  @Field({ description: 'Where the recommendation comes from.' }) @Column('text') source: string;
  @Field(() => Language) @Column('text') language: Language;
  @Field(() => String, { nullable: true }) @Column('text', { name: 'content_note', nullable: true }) contentNote: string | null;
}
