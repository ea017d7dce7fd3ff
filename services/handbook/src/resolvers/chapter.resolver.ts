import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '@kommunenett/subgraph-kit';
import { Chapter } from '../entities/chapter.entity';
import { Edition } from '../entities/edition.entity';
import { Tool } from '../entities/tool.entity';
import { chapterById, chaptersByEdition, editionById, handbookById, toolById, toolsByEdition } from '../loaders';
import { renderMarkdown } from '../services/markdown';
import { outlineOf } from '../services/tree';
import { anchorOf } from '../services/validation';
import { requireUuid } from '@kommunenett/subgraph-kit';

/** The full anchor of a section: handbook slug and section slug. */
async function anchorFor(ctx: RequestContext, editionId: string, slug: string): Promise<string> {
  const edition = await editionById(ctx).load(editionId);
  const handbook = edition && (await handbookById(ctx).load(edition.handbookId));
  return anchorOf(handbook!.slug, slug);
}

@Resolver(() => Chapter)
export class ChapterResolver {
  @Query(() => Chapter, { nullable: true, description: 'A chapter by id; chapters of drafts only for the handbook’s editors.' })
  chapter(@Arg('id', () => ID, { description: 'The section’s id.' }) id: string, @Ctx() ctx: RequestContext) {
    return chapterById(ctx).load(requireUuid(id, 'id'));
  }

  @FieldResolver(() => String, { description: 'Stable reference to the section across editions, e.g. "beskytt-kommunen/verdier-holdninger-og-kultur".' })
  anchor(@Root() c: Chapter, @Ctx() ctx: RequestContext) {
    return anchorFor(ctx, c.editionId, c.slug);
  }

  @FieldResolver(() => String, { description: 'Section number in the edition, e.g. "2.1".' })
  async number(@Root() c: Chapter, @Ctx() ctx: RequestContext) {
    return outlineOf(await chaptersByEdition(ctx).load(c.editionId)).place.get(c.id)?.number ?? '';
  }

  @FieldResolver(() => Int, { description: 'Nesting level, 0 for a top-level chapter.' })
  async depth(@Root() c: Chapter, @Ctx() ctx: RequestContext) {
    return outlineOf(await chaptersByEdition(ctx).load(c.editionId)).place.get(c.id)?.depth ?? 0;
  }

  @FieldResolver(() => String, { description: 'The body rendered to HTML, safe to insert into a page: raw HTML is shown as text, and only http(s), mailto and relative links are kept.' })
  bodyHtml(@Root() c: Chapter) {
    return renderMarkdown(c.bodyMarkdown);
  }

  @FieldResolver(() => Chapter, { nullable: true, description: 'The section this one is part of; null for a top-level chapter.' })
  async parent(@Root() c: Chapter, @Ctx() ctx: RequestContext) {
    return c.parentId ? (await chaptersByEdition(ctx).load(c.editionId)).find((p) => p.id === c.parentId) ?? null : null;
  }

  @FieldResolver(() => [Chapter], { description: 'Subsections in order.' })
  async children(@Root() c: Chapter, @Ctx() ctx: RequestContext) {
    return outlineOf(await chaptersByEdition(ctx).load(c.editionId)).children.get(c.id) ?? [];
  }

  @FieldResolver(() => Edition, { description: 'The edition the section belongs to.' })
  edition(@Root() c: Chapter, @Ctx() ctx: RequestContext) {
    return editionById(ctx).load(c.editionId);
  }

  @FieldResolver(() => [Tool], { description: 'Tools this chapter explains.' })
  async tools(@Root() c: Chapter, @Ctx() ctx: RequestContext) {
    return (await toolsByEdition(ctx).load(c.editionId)).filter((t) => t.chapterSlug === c.slug);
  }
}

@Resolver(() => Tool)
export class ToolResolver {
  @Query(() => Tool, { nullable: true, description: 'A tool by id; null when there is none.' })
  tool(@Arg('id', () => ID, { description: 'The tool’s id.' }) id: string, @Ctx() ctx: RequestContext) {
    return toolById(ctx).load(requireUuid(id, 'id'));
  }

  @FieldResolver(() => Chapter, { nullable: true, description: 'The chapter that explains the tool.' })
  async explainedIn(@Root() t: Tool, @Ctx() ctx: RequestContext) {
    return t.chapterSlug ? (await chaptersByEdition(ctx).load(t.editionId)).find((c) => c.slug === t.chapterSlug) ?? null : null;
  }

  @FieldResolver(() => Edition, { description: 'The edition the tool is described in.' })
  edition(@Root() t: Tool, @Ctx() ctx: RequestContext) {
    return editionById(ctx).load(t.editionId);
  }
}
