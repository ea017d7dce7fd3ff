import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { badInput, ConnectionArgs, type RequestContext } from '@kommunenett/subgraph-kit';
import { Chapter } from '../entities/chapter.entity';
import { Edition } from '../entities/edition.entity';
import { Language } from '../entities/enums';
import { chapterById, editionById } from '../loaders';
import { referenceByAnchor } from '../services/anchors';
import { searchHandbook } from '../services/search';
import { HandbookReference, HandbookSearchConnection, HandbookSearchHit } from './types';

export const MAX_ANCHORS = 100;

@Resolver(() => HandbookSearchHit)
export class SearchResolver {
  @Query(() => HandbookSearchConnection, {
    description: 'Full-text search in the current published editions (and, for editors who ask, their drafts), ranked, with highlighted snippets. '
      + 'Words are matched by their stem in the language’s configuration: "korrupsjonen" finds "korrupsjon". '
      + 'nb and nn search Norwegian texts of both written forms with the Norwegian stemmer (which reduces nynorsk inflections such as kommunane, samlingane too), '
      + 'with word pairs where nynorsk and bokmål differ (tilsett/ansatt, leiar/leder); texts in the language asked for come first.',
  })
  searchHandbook(
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @Arg('query', { description: 'Words to find; "quoted phrases", OR and -excluded words work as in web search. 1–200 characters.' }) query: string,
    @Arg('language', () => Language, { description: 'Language of the texts to search; chooses the stemming.' }) language: Language,
    @Arg('handbookSlug', () => String, { nullable: true, description: 'Search only this handbook; all handbooks when left out.' }) handbookSlug?: string | null,
    @Arg('includeDrafts', () => Boolean, { nullable: true, description: 'Also search the drafts of handbooks the viewer edits.' }) includeDrafts?: boolean | null,
  ) {
    return searchHandbook(ctx, { query, language, handbookSlug, includeDrafts, first: page.first, after: page.after });
  }

  @FieldResolver(() => Chapter, { description: 'The matching section.' })
  chapter(@Root() hit: HandbookSearchHit, @Ctx() ctx: RequestContext) {
    return chapterById(ctx).load(hit.chapterId);
  }

  @FieldResolver(() => Edition, { description: 'The edition the section is in (a draft only for its editors).' })
  edition(@Root() hit: HandbookSearchHit, @Ctx() ctx: RequestContext) {
    return editionById(ctx).load(hit.editionId);
  }
}

@Resolver(() => HandbookReference)
export class HandbookReferenceResolver {
  @Query(() => [HandbookReference], {
    description: `Resolves handbook anchors (at most ${MAX_ANCHORS}) against the current published editions. A removed section resolves to its nearest surviving ancestor, and the reference says so.`,
  })
  resolveHandbookAnchors(@Arg('anchors', () => [String], { description: 'Anchors such as "beskytt-kommunen/verdier-holdninger-og-kultur"; at most 100.' }) anchors: string[], @Ctx() ctx: RequestContext) {
    if (anchors.length > MAX_ANCHORS) throw badInput(`At most ${MAX_ANCHORS} anchors at a time.`, 'anchors');
    return referenceByAnchor(ctx).loadMany(anchors);
  }
}
