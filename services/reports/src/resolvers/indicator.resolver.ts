import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { badInput, type RequestContext } from '@kommunenett/subgraph-kit';
import { Indicator, LocalizedText, type LocalizedTexts } from '../entities/indicator.entity';
import { Language } from '../entities/enums';
import { indicatorById } from '../loaders';
import { indicatorPeriods, requirePeriods } from '../services/periods';
import { IndicatorFilter } from './types';

/** A text in the language asked for, else Bokmål, else English, else any. */
function pick(texts: LocalizedTexts, language: Language): string | null {
  return texts[language] ?? texts.nb ?? texts.en ?? Object.values(texts)[0] ?? null;
}

function all(texts: LocalizedTexts): LocalizedText[] {
  return Object.entries(texts).map(([language, text]) => Object.assign(new LocalizedText(), { language, text }));
}

@Resolver(() => Indicator)
export class IndicatorResolver {
  @Query(() => [Indicator], { description: 'The indicator catalogue, ordered by category and id. Public.' })
  async indicators(@Ctx() ctx: RequestContext, @Arg('filter', () => IndicatorFilter, { nullable: true, description: 'Conditions the indicators must meet; the whole catalogue when left out.' }) filter?: IndicatorFilter) {
    const qb = ctx.ds.getRepository(Indicator).createQueryBuilder('i');
    if (filter?.ids?.length) qb.andWhere('i.id IN (:...ids)', { ids: filter.ids });
    if (filter?.category) qb.andWhere('i.category = :category', { category: filter.category });
    if (filter?.unit) qb.andWhere('i.unit = :unit', { unit: filter.unit });
    if (filter?.level) qb.andWhere('i.level = :level', { level: filter.level });
    if (filter?.period) {
      const [period] = requirePeriods([filter.period], 'filter.period')!;
      qb.andWhere('i.first_period <= :year AND (i.last_period IS NULL OR i.last_period >= :year) AND (:year - i.first_period) % i.period_step = 0', { year: Number(period) });
    }
    return qb.orderBy('i.category').addOrderBy('i.id').getMany();
  }

  @Query(() => Indicator, { nullable: true, description: 'An indicator by id, e.g. "deviations-reported". Public.' })
  indicator(@Arg('id', () => ID, { description: 'The indicator’s id.' }) id: string, @Ctx() ctx: RequestContext) {
    if (id.length > 100) throw badInput('Not an indicator id.', 'id');
    return indicatorById(ctx).load(id);
  }

  @FieldResolver(() => String, { description: 'Name in the language asked for (default Bokmål), falling back to Bokmål or English.' })
  name(@Root() i: Indicator, @Arg('language', () => Language, { defaultValue: Language.nb, description: 'Language of the name; falls back to Bokmål or English.' }) language: Language) {
    return pick(i.names, language);
  }

  @FieldResolver(() => String, { nullable: true, description: 'What the indicator measures and how, in the language asked for.' })
  description(@Root() i: Indicator, @Arg('language', () => Language, { defaultValue: Language.nb, description: 'Language of the text; falls back to Bokmål or English.' }) language: Language) {
    return pick(i.descriptions, language);
  }

  @FieldResolver(() => [LocalizedText], { description: 'The name in every language it has.' })
  names(@Root() i: Indicator) {
    return all(i.names);
  }

  @FieldResolver(() => [String], { description: 'The years the indicator exists for, e.g. ["2013", "2015", "2017"].' })
  periods(@Root() i: Indicator) {
    return indicatorPeriods(i);
  }
}
