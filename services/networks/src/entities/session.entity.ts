import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';
import { SessionKind } from './enums';

@ObjectType({
  description: 'A gathering of a network. Its date is exact (startsAt/endsAt) or known only to a month (plannedMonth) or a span of months (plannedMonth to plannedTo); datePrecision says which. Filters and orders treat it as the interval it covers (intervalStart to intervalEnd): a planned month is the whole month.',
})
@Directive('@key(fields: "id")')
@Entity({ name: 'session' })
@Index(['networkId', 'sequence'], { unique: true })
@Index(['sortDate'])
@Index(['networkId', 'sortDate'])
export class Session {
  @Field(() => ID, { description: 'Unique identifier (a UUID); never changes.' }) @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'network_id' }) networkId: string;
  @Field(() => Int, { description: 'Order within the network, from 1.' }) @Column('int') sequence: number;
  @Field(() => SessionKind, { description: 'Gathering, theme day or webinar.' }) @Column('text') kind: SessionKind;
  @Field({ description: 'Title of the session, e.g. «Samling 1».' }) @Column('text') title: string;
  @Field(() => String, { nullable: true, description: 'Theme of the session, e.g. «Risiko og sårbarhet for korrupsjon».' }) @Column('text', { nullable: true }) theme: string | null;
  @Field(() => String, { nullable: true, description: 'More about the session.' }) @Column('text', { nullable: true }) description: string | null;
  @Field(() => [String], { description: 'The points the invitation or programme lists for the session, in order and worded as it words them (a sub-point follows its point); empty when it lists none.' })
  @Column('text', { array: true, default: () => "'{}'" }) points: string[];
  @Field(() => Date, { nullable: true, description: 'Start, when the exact date is known.' }) @Column('timestamptz', { name: 'starts_at', nullable: true }) startsAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'End, when the exact date is known; may be the next day (overnight stay, lunch to lunch).' }) @Column('timestamptz', { name: 'ends_at', nullable: true }) endsAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Month the session is planned for while the exact date is not known, e.g. "2013-10"; the first month of a span.' })
  @Column('text', { name: 'planned_from', nullable: true }) plannedMonth: string | null;
  @Field(() => String, { nullable: true, description: 'Last month of a span ("August/September 2013": plannedMonth 2013-08, plannedTo 2013-09).' })
  @Column('text', { name: 'planned_to', nullable: true }) plannedTo: string | null;
  @Column('text', { name: 'location_venue', nullable: true }) locationVenue: string | null;
  @Column('text', { name: 'location_place', nullable: true }) locationPlace: string | null;
  @Column('text', { name: 'location_municipality_id', nullable: true }) locationMunicipalityId: string | null;
  @Field(() => Date, { nullable: true, description: 'The instant sorting uses, equal to intervalStart: startsAt, or the first instant of plannedMonth (00:00 in the network’s time zone); null while undecided. Read it with datePrecision.' })
  @Column('timestamptz', { name: 'sort_date', nullable: true }) sortDate: Date | null;
  @Field(() => Int, { description: 'Increases with every change of the session or its agenda; pass it as expectedVersion.' }) @VersionColumn() version: number;
}
