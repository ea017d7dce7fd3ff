import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Country, MunicipalityKind } from './enums';

@ObjectType({ description: 'A municipality or county authority of Norway or Sweden, from the official lists.' })
@Directive('@key(fields: "id")')
@Entity({ name: 'municipality' })
@Index(['country', 'countyCode'])
export class Municipality {
  @Field(() => ID, { description: 'Country + official code: NO-0301, SE-0180; county authorities NO-32, SE-01.' })
  @PrimaryColumn('text') id: string;
  @Field(() => Country, { description: 'Country of the municipality.' }) @Column('text') country: Country;
  @Field({ description: 'Official code (kommunenummer, kommunkod; county code for county authorities).' }) @Column('text') code: string;
  @Field(() => MunicipalityKind, { description: 'Municipality or county authority.' }) @Column('text') kind: MunicipalityKind;
  @Field({ description: 'Name, e.g. "Bærum"; see officialName for multilingual names.' }) @Column('text') name: string;
  @Field(() => String, { nullable: true, description: 'Official multilingual name (Sami, Kven) where it differs from name.' })
  @Column('text', { name: 'official_name', nullable: true }) officialName: string | null;
  @Field({ description: 'Two-digit code of the county (fylke, län) it lies in, e.g. "32".' }) @Column('text', { name: 'county_code' }) countyCode: string;
  @Field({ description: 'Name of the county (fylke, län).' }) @Column('text', { name: 'county_name' }) countyName: string;
  @Field(() => Int, { nullable: true, description: 'Inhabitants by the latest figure (Norway: SSB, 1 January 2024; Sweden: SCB, 31 December 2024); see populationAsOf and populations.' })
  @Column('int', { nullable: true }) population: number | null;
  /** Name folded for searching without case and diacritics. */
  @Column('text', { name: 'search_name' }) searchName: string;
}
