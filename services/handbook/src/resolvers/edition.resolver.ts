import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Authorized } from 'type-graphql';
import { badInput, type RequestContext, entityRef } from '@kommunenett/subgraph-kit';
import { Handbook } from '../entities/handbook.entity';
import { Edition } from '../entities/edition.entity';
import { Chapter } from '../entities/chapter.entity';
import { Tool } from '../entities/tool.entity';
import { Recommendation } from '../entities/recommendation.entity';
import { RevisionProposal } from '../entities/revision-proposal.entity';
import { Network, Session } from '../entities/references';
import {
  chaptersByEdition, editionById, handbookById, proposalsAcceptedInto, recommendationsByHandbook, toolsByEdition,
} from '../loaders';
import { requireEditor } from '../services/access';
import { diffChapters } from '../services/diff';
import { addChapter, createDraftEdition, moveChapter, publishEdition, removeChapter, updateChapter } from '../services/editing';
import { outlineOf } from '../services/tree';
import { anchorOf } from '../services/validation';
import {
  AddChapterInput, ChapterPayload, CreateDraftEditionInput, EditionChange, EditionDiff, EditionPayload, MoveChapterInput, NetworkContribution,
  PublishEditionInput, PublishEditionPayload, RemoveChapterInput, RemoveChapterPayload, UpdateChapterInput,
} from './types';
import { requireUuid } from '@kommunenett/subgraph-kit';

@Resolver(() => Edition)
export class EditionResolver {
  @Query(() => Edition, { nullable: true, description: 'An edition; drafts only for the handbook’s editors.' })
  edition(@Arg('id', () => ID, { description: 'The edition’s id.' }) id: string, @Ctx() ctx: RequestContext) {
    return editionById(ctx).load(requireUuid(id, 'id'));
  }

  @FieldResolver(() => Handbook, { description: 'The handbook the edition belongs to.' })
  handbook(@Root() e: Edition, @Ctx() ctx: RequestContext) {
    return handbookById(ctx).load(e.handbookId);
  }

  @FieldResolver(() => Edition, { nullable: true, description: 'The edition this one was copied from.' })
  basedOn(@Root() e: Edition, @Ctx() ctx: RequestContext) {
    return e.basedOnId ? editionById(ctx).load(e.basedOnId) : null;
  }

  @FieldResolver(() => [Chapter], { description: 'Top-level chapters in order; `children` gives the sections below.' })
  async chapters(@Root() e: Edition, @Ctx() ctx: RequestContext) {
    return outlineOf(await chaptersByEdition(ctx).load(e.id)).children.get(null) ?? [];
  }

  @FieldResolver(() => [Chapter], { description: 'Every chapter in reading order (depth first), with `number` and `depth` for a table of contents.' })
  async allChapters(@Root() e: Edition, @Ctx() ctx: RequestContext) {
    return outlineOf(await chaptersByEdition(ctx).load(e.id)).ordered;
  }

  @FieldResolver(() => Chapter, { nullable: true, description: 'The chapter with this section slug (the part of the anchor after the handbook).' })
  async chapter(@Root() e: Edition, @Arg('slug', { description: 'Section slug, e.g. "verdier-holdninger-og-kultur".' }) slug: string, @Ctx() ctx: RequestContext) {
    return (await chaptersByEdition(ctx).load(e.id)).find((c) => c.slug === slug) ?? null;
  }

  @FieldResolver(() => [Tool], { description: 'The tools described in this edition, by name.' })
  tools(@Root() e: Edition, @Ctx() ctx: RequestContext) {
    return toolsByEdition(ctx).load(e.id);
  }

  @FieldResolver(() => [Recommendation], { description: 'The recommendations of the edition’s handbook, by number.' })
  recommendations(@Root() e: Edition, @Ctx() ctx: RequestContext) {
    return recommendationsByHandbook(ctx).load(e.handbookId);
  }

  @FieldResolver(() => EditionDiff, { description: 'What changed since another edition of the same handbook (by default the one this was copied from).' })
  async diff(@Root() e: Edition, @Ctx() ctx: RequestContext, @Arg('against', () => ID, { nullable: true, description: 'The edition to compare with; by default the one this edition was copied from.' }) against?: string | null) {
    const fromId = against ? requireUuid(against, 'against') : e.basedOnId;
    if (!fromId) throw badInput('This is the first edition; name an edition to compare with.', 'against');
    const from = await editionById(ctx).load(fromId);
    if (!from || from.handbookId !== e.handbookId) throw badInput('against is not an edition of the same handbook.', 'against');
    const handbook = await handbookById(ctx).load(e.handbookId);
    const [before, after] = await Promise.all([chaptersByEdition(ctx).load(from.id), chaptersByEdition(ctx).load(e.id)]);
    const diff = diffChapters(before, after);
    return {
      from, to: e, added: diff.added, removed: diff.removed, unchangedCount: diff.unchangedCount,
      changed: diff.changed.map((c) => ({ ...c, anchor: anchorOf(handbook!.slug, c.anchorSlug) })),
    };
  }

  @FieldResolver(() => [NetworkContribution], {
    description: 'Which networks’ learnings went into this edition: the accepted revision proposals, by network.',
  })
  async changesFromNetworks(@Root() e: Edition, @Ctx() ctx: RequestContext) {
    const [proposals, handbook] = await Promise.all([proposalsAcceptedInto(ctx).load(e.id), handbookById(ctx).load(e.handbookId)]);
    const byNetwork = new Map<string, EditionChange[]>();
    for (const p of proposals) {
      const change = Object.assign(new EditionChange(), {
        proposalId: p.id, editionId: e.id, chapterSlug: p.chapterSlug, anchor: anchorOf(handbook!.slug, p.chapterSlug), title: p.title,
        session: p.sessionId ? entityRef(Session, p.sessionId) : null, acceptedAt: p.decidedAt!,
      });
      byNetwork.set(p.networkId, [...(byNetwork.get(p.networkId) ?? []), change]);
    }
    return [...byNetwork].map(([networkId, changes]) => ({ network: entityRef(Network, networkId), changes }));
  }

  @FieldResolver(() => [RevisionProposal], { description: 'The proposals accepted into this edition, with their rationale. Editors only.' })
  async acceptedProposals(@Root() e: Edition, @Ctx() ctx: RequestContext) {
    requireEditor(ctx.viewer, (await handbookById(ctx).load(e.handbookId))!);
    return proposalsAcceptedInto(ctx).load(e.id);
  }

  @Authorized('ORG_ADMIN')
  @Mutation(() => EditionPayload, { description: 'Starts a revision: a draft edition copied from the latest edition. Editors only.' })
  async createDraftEdition(@Arg('input', { description: 'The handbook to revise and the notes of the draft.' }) input: CreateDraftEditionInput, @Ctx() ctx: RequestContext) {
    const { value, userErrors } = await createDraftEdition(ctx, input);
    return { edition: value, userErrors };
  }

  @Authorized('ORG_ADMIN')
  @Mutation(() => PublishEditionPayload, { description: 'Publishes a draft edition; the edition in force until now becomes SUPERSEDED. Editors only.' })
  async publishEdition(@Arg('input', { description: 'The draft edition to publish and its publication day.' }) input: PublishEditionInput, @Ctx() ctx: RequestContext) {
    const { value, userErrors } = await publishEdition(ctx, input);
    return { edition: value?.edition ?? null, superseded: value?.superseded ?? null, userErrors };
  }

  @Authorized('ORG_ADMIN')
  @Mutation(() => ChapterPayload, { description: 'Changes a chapter of a draft edition. Published editions never change.' })
  async updateChapter(@Arg('input', { description: 'The section and the fields to change.' }) input: UpdateChapterInput, @Ctx() ctx: RequestContext) {
    const { value, userErrors } = await updateChapter(ctx, input);
    return { chapter: value, userErrors };
  }

  @Authorized('ORG_ADMIN')
  @Mutation(() => ChapterPayload, { description: 'Adds a chapter to a draft edition.' })
  async addChapter(@Arg('input', { description: 'The draft edition and the new section.' }) input: AddChapterInput, @Ctx() ctx: RequestContext) {
    const { value, userErrors } = await addChapter(ctx, input);
    return { chapter: value, userErrors };
  }

  @Authorized('ORG_ADMIN')
  @Mutation(() => ChapterPayload, { description: 'Moves a chapter of a draft edition to another parent or place. Its anchor stays.' })
  async moveChapter(@Arg('input', { description: 'The section and its new parent and place.' }) input: MoveChapterInput, @Ctx() ctx: RequestContext) {
    const { value, userErrors } = await moveChapter(ctx, input);
    return { chapter: value, userErrors };
  }

  @Authorized('ORG_ADMIN')
  @Mutation(() => RemoveChapterPayload, { description: 'Removes a chapter without subsections from a draft edition. References to its anchor then resolve to the nearest surviving section.' })
  async removeChapter(@Arg('input', { description: 'The section to remove.' }) input: RemoveChapterInput, @Ctx() ctx: RequestContext) {
    const { value, userErrors } = await removeChapter(ctx, input);
    return { removedChapterId: value ? input.chapterId : null, edition: value, userErrors };
  }
}

@Resolver(() => EditionChange)
export class EditionChangeResolver {
  @FieldResolver(() => Chapter, { nullable: true, description: 'The section in this edition.' })
  async chapter(@Root() c: EditionChange, @Ctx() ctx: RequestContext) {
    return (await chaptersByEdition(ctx).load(c.editionId)).find((ch) => ch.slug === c.chapterSlug) ?? null;
  }
}
