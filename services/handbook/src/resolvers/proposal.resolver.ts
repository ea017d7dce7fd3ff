import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs, isUuid, keysetPage, unauthenticated, type RequestContext, entityRef } from '@kommunenett/subgraph-kit';
import { Handbook } from '../entities/handbook.entity';
import { Edition } from '../entities/edition.entity';
import { RevisionProposal } from '../entities/revision-proposal.entity';
import { Network, Person, Session } from '../entities/references';
import { editionById, handbookById, proposalById } from '../loaders';
import { acceptRevision, proposalVisibility, proposeRevision, rejectRevision } from '../services/proposals';
import { anchorOf } from '../services/validation';
import {
  AcceptRevisionInput, AcceptRevisionPayload, ProposeRevisionInput, RejectRevisionInput, RevisionProposalConnection, RevisionProposalFilter,
  RevisionProposalPayload,
} from './types';
import { requireUuid } from '@kommunenett/subgraph-kit';

@Resolver(() => RevisionProposal)
export class RevisionProposalResolver {
  @Query(() => RevisionProposalConnection, {
    description: 'Revision proposals the viewer may see (editors: their handbooks’; facilitators: their networks’; everyone: their own), oldest first.',
  })
  revisionProposals(
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @Arg('filter', () => RevisionProposalFilter, { nullable: true, description: 'Conditions the proposals must meet; all when left out.' }) filter?: RevisionProposalFilter,
  ) {
    if (ctx.viewer.kind === 'anonymous') throw unauthenticated();
    const qb = proposalVisibility(ctx, ctx.ds.getRepository(RevisionProposal).createQueryBuilder('p'));
    if (filter?.handbookSlug) qb.andWhere('p.handbook_id IN (SELECT id FROM handbook.handbook WHERE slug = :handbookSlug)', { handbookSlug: filter.handbookSlug });
    if (filter?.status) qb.andWhere('p.status = :status', { status: filter.status });
    if (filter?.networkId) qb.andWhere('p.network_id = :networkId', { networkId: requireUuid(filter.networkId, 'filter.networkId') });
    return keysetPage(qb, [{ sql: 'p.created_at', value: (p) => p.createdAt, isDate: true }, { sql: 'p.id', value: (p) => p.id }], page);
  }

  @Query(() => RevisionProposal, { nullable: true, description: 'A revision proposal by id; null when there is none.' })
  revisionProposal(@Arg('id', () => ID, { description: 'The proposal’s id.' }) id: string, @Ctx() ctx: RequestContext) {
    return proposalById(ctx).load(requireUuid(id, 'id'));
  }

  @FieldResolver(() => String, { description: 'The section the proposal is about.' })
  async anchor(@Root() p: RevisionProposal, @Ctx() ctx: RequestContext) {
    return anchorOf((await handbookById(ctx).load(p.handbookId))!.slug, p.chapterSlug);
  }

  @FieldResolver(() => Handbook, { description: 'The handbook the section belongs to.' })
  handbook(@Root() p: RevisionProposal, @Ctx() ctx: RequestContext) {
    return handbookById(ctx).load(p.handbookId);
  }

  @FieldResolver(() => Network, { description: 'The network whose experience the proposal comes from.' })
  network(@Root() p: RevisionProposal) {
    return entityRef(Network, p.networkId);
  }

  @FieldResolver(() => Session, { nullable: true, description: 'The gathering it came up at, if any.' })
  session(@Root() p: RevisionProposal) {
    return p.sessionId ? entityRef(Session, p.sessionId) : null;
  }

  @FieldResolver(() => Edition, { nullable: true, description: 'The edition the proposal was taken into.' })
  acceptedInto(@Root() p: RevisionProposal, @Ctx() ctx: RequestContext) {
    return p.acceptedIntoEditionId ? editionById(ctx).load(p.acceptedIntoEditionId) : null;
  }

  @FieldResolver(() => ID, { nullable: true, description: 'The proposer as a person id (details in the participants service), when known.' })
  proposerPersonId(@Root() p: RevisionProposal) {
    return p.proposerPersonId && isUuid(p.proposerPersonId) ? p.proposerPersonId : null;
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The proposer, as far as you may see them directly (the person-visibility rule of the participants service); null otherwise or when unknown.' })
  proposer(@Root() p: RevisionProposal) {
    return p.proposerPersonId && isUuid(p.proposerPersonId) ? entityRef(Person, p.proposerPersonId) : null;
  }

  @Authorized()
  @Mutation(() => RevisionProposalPayload, {
    description: 'Proposes a change to a section from a network’s experience. Facilitators and participants of the network (and editors).',
  })
  async proposeRevision(@Arg('input', { description: 'The section, the network and what it learned.' }) input: ProposeRevisionInput, @Ctx() ctx: RequestContext) {
    const { value, userErrors } = await proposeRevision(ctx, input);
    return { proposal: value, userErrors };
  }

  @Authorized('ORG_ADMIN')
  @Mutation(() => AcceptRevisionPayload, { description: 'Takes a proposal into the handbook’s draft edition. Editors only.' })
  async acceptRevision(@Arg('input', { description: 'The proposal to accept.' }) input: AcceptRevisionInput, @Ctx() ctx: RequestContext) {
    const { value, userErrors } = await acceptRevision(ctx, input);
    return { proposal: value?.proposal ?? null, chapter: value?.chapter ?? null, userErrors };
  }

  @Authorized('ORG_ADMIN')
  @Mutation(() => RevisionProposalPayload, { description: 'Rejects a proposal with a reason. Editors only.' })
  async rejectRevision(@Arg('input', { description: 'The proposal to reject and why.' }) input: RejectRevisionInput, @Ctx() ctx: RequestContext) {
    const { value, userErrors } = await rejectRevision(ctx, input);
    return { proposal: value, userErrors };
  }
}
