import { Field, ID, InputType } from 'type-graphql';
import { Country, MunicipalityKind } from '../entities/enums';
import type { StatisticsFilterInput } from '../services/statistics';

@InputType({ description: 'Which units and periods statistics are built from. All given conditions must hold.' })
export class StatisticsFilter implements StatisticsFilterInput {
  @Field(() => [ID], { nullable: true, description: 'Only these municipalities, e.g. ["NO-3201"].' }) municipalities?: string[];
  @Field(() => [String], { nullable: true, description: 'Two-digit county codes (fylke, län), e.g. "32".' }) countyCodes?: string[];
  @Field(() => Country, { nullable: true, description: 'Only this country.' }) country?: Country;
  @Field(() => [ID], { nullable: true, description: 'Only municipalities taking part in these networks (confirmed registrations).' }) networkIds?: string[];
  @Field(() => [ID], { nullable: true, description: 'Only municipalities taking part in a network of these programmes.' }) programIds?: string[];
  @Field(() => [String], { nullable: true, description: 'Years, e.g. ["2020", "2021"]. Default: every year the indicators are measured.' }) periods?: string[];
  @Field(() => MunicipalityKind, { nullable: true, description: 'Units counted: municipalities (default) or county authorities.' }) unitKind?: MunicipalityKind;
}
