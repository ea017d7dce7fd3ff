import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { Brackets, type SelectQueryBuilder } from 'typeorm';
import {
  forbidden, isAdmin, isUuid, refuse, refuseAll, runMutation, internalClient, unauthenticated, userError, type Outcome, type RequestContext,
} from '@kommunenett/subgraph-kit';
import { Handbook } from '../entities/handbook.entity';
import { Edition } from '../entities/edition.entity';
import { Chapter } from '../entities/chapter.entity';
import { RevisionProposal } from '../entities/revision-proposal.entity';
import { EditionStatus, ProposalStatus } from '../entities/enums';
import { isEditor, requireEditor } from './access';
import { replaceChapterBody, touchDraftEdition } from './editing';
import { checkMarkup, idSchema, markdownSchema, parseAnchor, titleSchema } from './validation';

/**
 * Proposals the viewer may see: editors see their handbooks' proposals, facilitators those of
 * their networks, everyone signed in their own; anonymous callers none.
 */
export function proposalVisibility(ctx: RequestContext, qb: SelectQueryBuilder<RevisionProposal>): SelectQueryBuilder<RevisionProposal> {
  const v = ctx.viewer;
  if (isAdmin(v)) return qb;
  if (v.kind === 'anonymous' || !v.subject) return qb.andWhere('1 = 0');
  return qb.andWhere(new Brackets((b) => {
    b.where('p.proposed_by = :proposer', { proposer: v.subject });
    if (v.role === 'ORG_ADMIN' && v.organizationId) {
      b.orWhere('p.handbook_id IN (SELECT id FROM handbook.handbook WHERE :editorOrg = ANY(publisher_ids))', { editorOrg: v.organizationId });
    }
    const networks = v.networkIds.filter(isUuid);
    if (v.role === 'FACILITATOR' && networks.length) b.orWhere('p.network_id IN (:...facilitated)', { facilitated: networks });
  }));
}

const proposeSchema = z.object({
  anchor: z.string().min(1).max(200),
  networkId: idSchema,
  sessionId: idSchema.nullish(),
  title: titleSchema,
  rationale: z.string().trim().min(1).max(5000),
  proposedMarkdown: markdownSchema.nullish(),
});

/** Where a proposal may come from: the networks service owns networks and sessions. */
async function checkOrigin(ctx: RequestContext, networkId: string, sessionId: string | null | undefined) {
  const networks = internalClient(ctx, 'networks');
  const [network] = await networks.entities<{ id: string }>('Network', [networkId], 'id', ctx.requestId);
  if (!network) return [userError('networkId', `Network ${networkId} was not found.`, 'NOT_FOUND')];
  if (sessionId) {
    const [session] = await networks.entities<{ id: string; network: { id: string } | null }>('Session', [sessionId], 'id network { id }', ctx.requestId);
    if (!session) return [userError('sessionId', `Session ${sessionId} was not found.`, 'NOT_FOUND')];
    if (session.network?.id !== networkId) return [userError('sessionId', 'The session is not a gathering of that network.', 'SESSION_NOT_IN_NETWORK')];
  }
  return [];
}

/**
 * A facilitator or participant proposes a change from what their network learned; editors may
 * also record one on a network's behalf.
 */
export function proposeRevision(ctx: RequestContext, input: unknown): Promise<Outcome<RevisionProposal>> {
  const v = ctx.viewer;
  if (v.kind === 'anonymous') throw unauthenticated();
  // The checks read this service's tables and the networks subgraph, before the one write.
  const prepare = async (p: z.infer<typeof proposeSchema>) => {
    const unknownAnchor = () => refuse('anchor', `No section "${p.anchor}" in a current or draft edition.`, 'UNKNOWN_ANCHOR');
    const anchor = parseAnchor(p.anchor);
    const handbook = anchor && (await ctx.ds.getRepository(Handbook).findOneBy({ slug: anchor.handbookSlug }));
    if (!anchor || !handbook) return unknownAnchor();
    const fromTheNetwork = (v.role === 'FACILITATOR' || v.role === 'PARTICIPANT') && v.networkIds.includes(p.networkId);
    if (!fromTheNetwork && !isEditor(v, handbook)) throw forbidden('Only facilitators and participants of the network, or the handbook’s editors, may propose revisions.');
    const exists = await ctx.ds.getRepository(Chapter).createQueryBuilder('c')
      .innerJoin(Edition, 'e', 'e.id = c.edition_id')
      .where('e.handbook_id = :handbookId AND c.slug = :slug AND e.status IN (:...open)', {
        handbookId: handbook.id, slug: anchor.slug, open: [EditionStatus.PUBLISHED, EditionStatus.DRAFT],
      }).getExists();
    if (!exists) return unknownAnchor();
    refuseAll(checkMarkup('proposedMarkdown', p.proposedMarkdown));
    refuseAll(await checkOrigin(ctx, p.networkId, p.sessionId));
    return { handbook, chapterSlug: anchor.slug };
  };
  return runMutation(ctx, { input, schema: proposeSchema, prepare }, async (p, m, { handbook, chapterSlug }) => {
    const proposal = m.getRepository(RevisionProposal).create({
      id: randomUUID(), handbookId: handbook.id, chapterSlug, networkId: p.networkId, sessionId: p.sessionId ?? null,
      proposedBy: v.subject ?? 'unknown', proposerPersonId: v.personId && isUuid(v.personId) ? v.personId : null,
      proposerRole: v.role ?? v.kind, title: p.title, rationale: p.rationale, proposedMarkdown: p.proposedMarkdown || null,
      status: ProposalStatus.PROPOSED, decisionNote: null, decidedBy: null, decidedAt: null, acceptedIntoEditionId: null,
    });
    await m.getRepository(RevisionProposal).insert(proposal);
    return m.getRepository(RevisionProposal).findOneByOrFail({ id: proposal.id });
  });
}

const decideSchema = z.object({ proposalId: idSchema });

/** The proposal locked for a decision, after the editor check; only an open proposal may be decided. */
async function lockOpenProposal(ctx: RequestContext, m: import('typeorm').EntityManager, proposalId: string) {
  const proposal = await m.getRepository(RevisionProposal).findOne({ where: { id: proposalId }, lock: { mode: 'pessimistic_write' } });
  const handbook = proposal && (await m.getRepository(Handbook).findOneBy({ id: proposal.handbookId }));
  if (!proposal || !handbook) refuse('proposalId', `Proposal ${proposalId} was not found.`, 'NOT_FOUND');
  requireEditor(ctx.viewer, handbook);
  if (proposal.status !== ProposalStatus.PROPOSED) {
    refuse('proposalId', `The proposal is already ${proposal.status.toLowerCase()}.`, 'ALREADY_DECIDED');
  }
  return { proposal, handbook };
}

const acceptSchema = decideSchema.extend({
  applyProposedText: z.boolean().nullish(),
  note: z.string().trim().max(2000).nullish(),
});

/** Takes a proposal into the handbook's draft edition (applying its text unless told not to). */
export function acceptRevision(ctx: RequestContext, input: unknown): Promise<Outcome<{ proposal: RevisionProposal; chapter: Chapter }>> {
  return runMutation(ctx, { input, schema: acceptSchema }, async ({ proposalId, applyProposedText, note }, m) => {
    const { proposal } = await lockOpenProposal(ctx, m, proposalId);
    const draft = await m.getRepository(Edition).findOne({ where: { handbookId: proposal.handbookId, status: EditionStatus.DRAFT }, lock: { mode: 'pessimistic_write' } });
    if (!draft) refuse('proposalId', 'The handbook has no draft edition to take the proposal into; create one first.', 'NO_DRAFT_EDITION');
    const chapter = await m.getRepository(Chapter).findOneBy({ editionId: draft.id, slug: proposal.chapterSlug });
    if (!chapter) refuse('proposalId', `The draft edition has no section "${proposal.chapterSlug}" any more.`, 'ANCHOR_NOT_IN_DRAFT');
    if ((applyProposedText ?? true) && proposal.proposedMarkdown) await replaceChapterBody(m, chapter.id, proposal.proposedMarkdown);
    // Taking a proposal in is a change of the draft, with or without its text.
    await touchDraftEdition(m, draft.id);
    await m.getRepository(RevisionProposal).update({ id: proposal.id }, {
      status: ProposalStatus.ACCEPTED, acceptedIntoEditionId: draft.id, decisionNote: note || null, decidedBy: ctx.viewer.subject, decidedAt: new Date(),
    });
    return {
      proposal: await m.getRepository(RevisionProposal).findOneByOrFail({ id: proposal.id }),
      chapter: await m.getRepository(Chapter).findOneByOrFail({ id: chapter.id }),
    };
  });
}

const rejectSchema = decideSchema.extend({ reason: z.string().trim().min(1).max(2000) });

export function rejectRevision(ctx: RequestContext, input: unknown): Promise<Outcome<RevisionProposal>> {
  return runMutation(ctx, { input, schema: rejectSchema }, async ({ proposalId, reason }, m) => {
    const { proposal } = await lockOpenProposal(ctx, m, proposalId);
    await m.getRepository(RevisionProposal).update({ id: proposal.id }, {
      status: ProposalStatus.REJECTED, decisionNote: reason, decidedBy: ctx.viewer.subject, decidedAt: new Date(),
    });
    return m.getRepository(RevisionProposal).findOneByOrFail({ id: proposal.id });
  });
}
