import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { IndicatorDirection, IndicatorLevel, IndicatorUnit, IndicatorValueType, Language } from './enums';

export type LocalizedTexts = Partial<Record<Language, string>>;

@ObjectType({ description: 'A text in one language.' })
export class LocalizedText {
  @Field(() => Language, { description: 'The language of the text.' }) language: Language;
  @Field({ description: 'The text.' }) text: string;
}

@ObjectType({ description: 'Something municipalities report or are measured on, e.g. deviations reported, a citizen survey score.' })
@Directive('@key(fields: "id")')
@Entity({ name: 'indicator' })
export class Indicator {
  @Field(() => ID, { description: 'Stable code, e.g. "deviations-reported". Never changes once published.' })
  @PrimaryColumn('text') id: string;
  @Column('jsonb') names: LocalizedTexts;
  @Column('jsonb', { default: () => "'{}'" }) descriptions: LocalizedTexts;
  @Field(() => IndicatorUnit, { description: 'What values are counted in: a count, a percentage, a score or Norwegian kroner.' }) @Column('text') unit: IndicatorUnit;
  @Field(() => IndicatorValueType, { description: 'Whole numbers (INTEGER) or decimals (DECIMAL).' }) @Column('text', { name: 'value_type' }) valueType: IndicatorValueType;
  @Field(() => IndicatorDirection, { description: 'Whether a higher or a lower value is better, or neither.' }) @Column('text') direction: IndicatorDirection;
  @Field({ description: 'Group in the catalogue, e.g. internal-control, whistleblowing, supervision, results.' })
  @Column('text') category: string;
  @Field(() => IndicatorLevel, { description: 'Who the indicator is reported for: a municipality, a county, a network or a programme.' }) @Column('text') level: IndicatorLevel;
  @Field(() => Float, { nullable: true, description: 'Smallest valid value (0 for counts and shares).' })
  @Column('double precision', { name: 'min_value', nullable: true }) minValue: number | null;
  @Field(() => Float, { nullable: true, description: 'Largest valid value (100 for percentages, the top of a score scale).' })
  @Column('double precision', { name: 'max_value', nullable: true }) maxValue: number | null;
  @Field(() => Int, { description: 'First year the indicator is measured.' }) @Column('int', { name: 'first_period' }) firstPeriod: number;
  @Field(() => Int, { nullable: true, description: 'Last year it is measured; null while it still is.' })
  @Column('int', { name: 'last_period', nullable: true }) lastPeriod: number | null;
  @Field(() => Int, { description: 'Years between measurements (1: every year; 2: 2013, 2015, 2017).' })
  @Column('int', { name: 'period_step', default: 1 }) periodStep: number;
  @Field(() => String, { nullable: true, description: 'Where the definition comes from.' }) @Column('text', { nullable: true }) source: string | null;
}
