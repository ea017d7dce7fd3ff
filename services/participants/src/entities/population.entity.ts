import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { LocalDateResolver } from 'graphql-scalars';

/** A municipality's population as a statistics office counted it: one row per unit and year. */
@ObjectType({ description: 'Inhabitants of a municipality or county authority counted on one day by a statistics office (SSB, SCB).' })
@Entity({ name: 'municipality_population' })
export class PopulationFigure {
  @PrimaryColumn('text', { name: 'municipality_id' }) municipalityId: string;
  @Field(() => Int, { description: 'The year the office files the figure under: SSB’s 1 January 2024 and SCB’s 31 December 2024 are both 2024.' })
  @PrimaryColumn('int') year: number;
  @Field(() => Int, { description: 'Inhabitants.' }) @Column('int') population: number;
  @Field(() => LocalDateResolver, { description: 'The day counted (Norway: 1 January of the year; Sweden: 31 December).' })
  @Column('date', { name: 'as_of' }) asOf: string;
  @Field({ description: 'The statistics office and table the figure comes from.' }) @Column('text') source: string;
}
