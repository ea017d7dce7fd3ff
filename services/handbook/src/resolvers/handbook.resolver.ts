import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { badInput, ConnectionArgs, keysetPage, selectsPath, type RequestContext, requireUuid, entityRef } from '@kommunenett/subgraph-kit';
import { Handbook } from '../entities/handbook.entity';
import { Edition } from '../entities/edition.entity';
import { Recommendation } from '../entities/recommendation.entity';
import { EditionStatus } from '../entities/enums';
import { Network, Organization } from '../entities/references';
import {
  editionsByHandbook, handbookById, handbookBySlug, handbookByNetwork, networkIdsByHandbook, recommendationById, recommendationsByHandbook,
} from '../loaders';
import { requireEditor } from '../services/access';
import { readsChapterText } from '../services/chapter-text';
import { HandbookConnection } from './types';


@Resolver(() => Handbook)
export class HandbookResolver {
  @Query(() => HandbookConnection, { description: 'Handbooks, ordered by title. Anyone may read them and their published editions.' })
  handbooks(@Ctx() ctx: RequestContext, @Args() page: ConnectionArgs) {
    const qb = ctx.ds.getRepository(Handbook).createQueryBuilder('h');
    return keysetPage(qb, [{ sql: 'h.title', value: (h) => h.title }, { sql: 'h.id', value: (h) => h.id }], page);
  }

  @Query(() => Handbook, { nullable: true, description: 'A handbook by its slug, e.g. "beskytt-kommunen".' })
  handbook(@Arg('slug', { description: 'The handbook’s slug, e.g. "beskytt-kommunen".' }) slug: string, @Ctx() ctx: RequestContext) {
    if (slug.length > 80) throw badInput('slug is longer than 80 characters.', 'slug');
    return handbookBySlug(ctx).load(slug);
  }

  @FieldResolver(() => [Organization], { description: 'Organizations that publish the handbook; their administrators are its editors.' })
  publishers(@Root() h: Handbook) {
    return h.publisherIds.map((id) => entityRef(Organization, id));
  }

  @FieldResolver(() => [Edition], { description: 'Editions, newest first: the published ones, and the draft for editors.' })
  editions(@Root() h: Handbook, @Ctx() ctx: RequestContext) {
    return editionsByHandbook(ctx).load(h.id);
  }

  @FieldResolver(() => Edition, { nullable: true, description: 'The edition in force: the latest published one.' })
  async currentEdition(@Root() h: Handbook, @Ctx() ctx: RequestContext) {
    return (await editionsByHandbook(ctx).load(h.id)).find((e) => e.status === EditionStatus.PUBLISHED) ?? null;
  }

  @FieldResolver(() => Edition, { nullable: true, description: 'The edition being revised, if any. Editors only.' })
  async draftEdition(@Root() h: Handbook, @Ctx() ctx: RequestContext) {
    requireEditor(ctx.viewer, h);
    return (await editionsByHandbook(ctx).load(h.id)).find((e) => e.status === EditionStatus.DRAFT) ?? null;
  }

  @FieldResolver(() => [Recommendation], { description: 'Recommendations that come with the handbook, by number.' })
  recommendations(@Root() h: Handbook, @Ctx() ctx: RequestContext) {
    return recommendationsByHandbook(ctx).load(h.id);
  }

  @FieldResolver(() => [Network], { description: 'Networks that work from this handbook.' })
  async networks(@Root() h: Handbook, @Ctx() ctx: RequestContext) {
    return (await networkIdsByHandbook(ctx).load(h.id)).map((l) => entityRef(Network, l.networkId));
  }
}

@Resolver(() => Recommendation)
export class RecommendationResolver {
  @Query(() => [Recommendation], { description: 'Recommendations of a handbook (e.g. Transparency International’s eight), or of all handbooks.' })
  async recommendations(@Ctx() ctx: RequestContext, @Arg('handbookSlug', () => String, { nullable: true, description: 'Only this handbook’s recommendations; all handbooks’ when left out.' }) handbookSlug?: string | null) {
    const qb = ctx.ds.getRepository(Recommendation).createQueryBuilder('r').orderBy('r.handbook_id').addOrderBy('r.number');
    if (handbookSlug) qb.innerJoin(Handbook, 'h', 'h.id = r.handbook_id').where('h.slug = :handbookSlug', { handbookSlug });
    return qb.getMany();
  }

  @Query(() => Recommendation, { nullable: true, description: 'A recommendation by id. Anyone may read it.' })
  recommendation(@Arg('id', () => ID, { description: 'The recommendation’s id.' }) id: string, @Ctx() ctx: RequestContext) {
    return recommendationById(ctx).load(requireUuid(id, 'id'));
  }

  @FieldResolver(() => Handbook, { description: 'The handbook the recommendation belongs to.' })
  handbook(@Root() r: Recommendation, @Ctx() ctx: RequestContext) {
    return handbookById(ctx).load(r.handbookId);
  }
}

@Resolver(() => Network)
export class NetworkHandbookResolver {
  @FieldResolver(() => Handbook, { nullable: true, description: 'The handbook the network works from.' })
  async handbook(@Root() network: Network, @Ctx() ctx: RequestContext, @Info() info?: GraphQLResolveInfo) {
    const withChapters = Boolean(info && selectsPath(info, ['currentEdition', 'chapters']));
    return (await handbookByNetwork(ctx, withChapters, !info || readsChapterText(info)).load(network.id))?.handbook ?? null;
  }
}
