import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AgendaItemKind } from './enums';

@ObjectType({ description: 'One item of a session’s timed agenda. Times are wall-clock times in the network’s time zone.' })
@Directive('@key(fields: "id")')
@Entity({ name: 'agenda_item' })
@Index(['sessionId', 'position'], { unique: true })
export class AgendaItem {
  @Field(() => ID, { description: 'Unique identifier (a UUID); never changes.' }) @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'session_id' }) sessionId: string;
  @Field(() => Int, { description: 'Place in the agenda, from 1, in order of start.' }) @Column('int') position: number;
  @Field(() => Date, { description: 'Start of the item (UTC instant); date and startTime give it in the network’s time zone.' }) @Column('timestamptz', { name: 'starts_at' }) startsAt: Date;
  @Field(() => Date, { nullable: true, description: 'Null when the agenda gives only a start: the item lasts until the next one.' })
  @Column('timestamptz', { name: 'ends_at', nullable: true }) endsAt: Date | null;
  @Field({ description: 'What the item is, e.g. «Velkommen og presentasjonsrunde».' }) @Column('text') title: string;
  @Field(() => String, { nullable: true, description: 'More about the item, when the agenda says more.' }) @Column('text', { nullable: true }) description: string | null;
  @Field(() => [String], { description: 'The points the agenda lists under the item, in order and worded as the agenda words them (e.g. the parts of a project presentation); empty when it lists none.' })
  @Column('text', { array: true, default: () => "'{}'" }) points: string[];
  @Field(() => AgendaItemKind, { description: 'Plenary, presentation, group work, break and so on.' }) @Column('text') kind: AgendaItemKind;
  @Column('text', { nullable: true }) leaders: string | null;
  @Column('uuid', { array: true, name: 'leader_person_ids', default: () => "'{}'" }) leaderPersonIds: string[];
  @Field({ description: 'Runs at the same time as other items (e.g. parallel group sessions); exempt from the overlap check.' })
  @Column('boolean', { default: false }) parallel: boolean;
  @Field(() => [String], { description: 'Handbook chapter anchors, e.g. "beskytt-kommunen/verdier-holdninger-og-kultur"; resolved by the handbook service.' })
  @Column('text', { array: true, name: 'handbook_anchors', default: () => "'{}'" }) handbookAnchors: string[];
  @Field(() => [ID], { description: 'Ids of handbook tools used in the item.' })
  @Column('text', { array: true, name: 'tool_ids', default: () => "'{}'" }) toolIds: string[];
}
