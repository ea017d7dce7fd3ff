import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';
import { SessionKind } from './enums';

@ObjectType({ description: 'A gathering of a network. Its date is exact (startsAt/endsAt) or known only to a month or a span of months.' })
@Directive('@key(fields: "id")')
@Entity({ name: 'session' })
@Index(['networkId', 'sequence'], { unique: true })
@Index(['sortDate'])
export class Session {
  @Field(() => ID) @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'network_id' }) networkId: string;
  @Field(() => Int, { description: 'Order within the network, from 1.' }) @Column('int') sequence: number;
  @Field(() => SessionKind) @Column('text') kind: SessionKind;
  @Field() @Column('text') title: string;
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) description: string | null;
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'starts_at', nullable: true }) startsAt: Date | null;
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'ends_at', nullable: true }) endsAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Month the session is planned for when the exact date is not known yet, e.g. "2013-10".' })
  @Column('text', { name: 'planned_from', nullable: true }) plannedMonth: string | null;
  @Field(() => String, { nullable: true, description: 'Last month of a span ("August/September 2013": plannedMonth 2013-08, plannedTo 2013-09).' })
  @Column('text', { name: 'planned_to', nullable: true }) plannedTo: string | null;
  @Field(() => String, { nullable: true, description: 'Venue and place; null while it is decided later.' }) @Column('text', { nullable: true }) location: string | null;
  @Column('text', { name: 'location_municipality_id', nullable: true }) locationMunicipalityId: string | null;
  /** startsAt, or the first day of the planned month: what sorting and date filters use. */
  @Column('timestamptz', { name: 'sort_date', nullable: true }) sortDate: Date | null;
  @Field() @VersionColumn() version: number;
}
