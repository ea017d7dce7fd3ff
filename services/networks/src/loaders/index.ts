import { In, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { loaderByGroup, loaderById, pagesByParent, type ConnectionArgs, type KeysetColumn, type RequestContext } from '@kommunenett/subgraph-kit';
import { Program } from '../entities/program.entity';
import { Session } from '../entities/session.entity';
import { nextSessionSql } from '../entities/network.entity';
import { AgendaItem } from '../entities/agenda-item.entity';
import { Assignment, Submission } from '../entities/assignment.entity';
import { AnchoringChange, MunicipalityProject, ProjectMilestone } from '../entities/project.entity';
import { visibleNetworks, type WorkScope } from '../services/access';

/*
 * Per-request loaders: one SQL statement per batch, whatever the number of parents. Networks go
 * through the viewer's visibility; rows under a network are reached only through a visible one.
 */

export const networkById = (ctx: RequestContext) =>
  loaderById(ctx, 'networkById', (ids) => visibleNetworks(ctx).andWhere('n.id IN (:...ids)', { ids }).getMany());

export const programById = (ctx: RequestContext) =>
  loaderById(ctx, 'programById', (ids) => ctx.ds.getRepository(Program).findBy({ id: In([...ids]) }));

export const sessionById = (ctx: RequestContext) =>
  loaderById(ctx, 'sessionById', (ids) => ctx.ds.getRepository(Session).findBy({ id: In([...ids]) }));

export const sessionsByNetwork = (ctx: RequestContext) =>
  loaderByGroup(ctx, 'sessionsByNetwork', (networkIds) =>
    ctx.ds.getRepository(Session).find({ where: { networkId: In([...networkIds]) }, order: { sequence: 'ASC' } }), (s) => s.networkId);

/**
 * Start of each network's next session (`Network.nextSessionAt`): one grouped statement for the
 * networks of a request, only when the field is asked for.
 */
export const nextSessionAtByNetwork = (ctx: RequestContext) =>
  loaderById<{ id: string; at: Date | null }>(ctx, 'nextSessionAtByNetwork', (ids) => ctx.ds.query(
    `SELECT n.id, (${nextSessionSql('n')}) AS at FROM networks.network n WHERE n.id = ANY($1::uuid[])`, [ids]));

export const agendaItemById = (ctx: RequestContext) =>
  loaderById(ctx, 'agendaItemById', (ids) => ctx.ds.getRepository(AgendaItem).findBy({ id: In([...ids]) }));

export const agendaBySession = (ctx: RequestContext) =>
  loaderByGroup(ctx, 'agendaBySession', (sessionIds) =>
    ctx.ds.getRepository(AgendaItem).find({ where: { sessionId: In([...sessionIds]) }, order: { position: 'ASC' } }), (i) => i.sessionId);

export const assignmentById = (ctx: RequestContext) =>
  loaderById(ctx, 'assignmentById', (ids) => ctx.ds.getRepository(Assignment).findBy({ id: In([...ids]) }));

export const assignmentsByNetwork = (ctx: RequestContext) =>
  loaderByGroup(ctx, 'assignmentsByNetwork', (networkIds) =>
    ctx.ds.getRepository(Assignment).find({ where: { networkId: In([...networkIds]) }, order: { position: 'ASC' } }), (a) => a.networkId);

/**
 * Pages of each assignment's submissions, or each network's projects, that the viewer may read
 * (`scope`: every municipality's, one municipality's, or none), by municipality.
 */
export const submissionPagesByAssignment = (ctx: RequestContext, scope: WorkScope, page: ConnectionArgs) =>
  pagesByParent<Submission>(ctx, `submissionsByAssignment:${JSON.stringify(scope)}`, {
    query: (ids) => inScope(ctx.ds.getRepository(Submission).createQueryBuilder('w').where('w.assignment_id IN (:...ids)', { ids }), scope),
    parentSql: 'w.assignment_id', parentOf: (s) => s.assignmentId, identitySql: ['w.id'], order: BY_MUNICIPALITY,
  }, page);

export const projectPagesByNetwork = (ctx: RequestContext, scope: WorkScope, page: ConnectionArgs) =>
  pagesByParent<MunicipalityProject>(ctx, `projectsByNetwork:${JSON.stringify(scope)}`, {
    query: (ids) => inScope(ctx.ds.getRepository(MunicipalityProject).createQueryBuilder('w').where('w.network_id IN (:...ids)', { ids }), scope),
    parentSql: 'w.network_id', parentOf: (p) => p.networkId, identitySql: ['w.id'], order: BY_MUNICIPALITY,
  }, page);

const BY_MUNICIPALITY: KeysetColumn<{ id: string; municipalityId: string }>[] = [
  { sql: 'w.municipality_id', value: (w) => w.municipalityId },
  { sql: 'w.id', value: (w) => w.id },
];

function inScope<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, scope: WorkScope): SelectQueryBuilder<T> {
  if (scope === 'ALL') return qb;
  return scope === 'NONE' ? qb.andWhere('false') : qb.andWhere('w.municipality_id = :scopeMunicipality', { scopeMunicipality: scope.municipalityId });
}

export const milestonesByProject = (ctx: RequestContext) =>
  loaderByGroup(ctx, 'milestonesByProject', (projectIds) =>
    ctx.ds.getRepository(ProjectMilestone).find({ where: { projectId: In([...projectIds]) }, order: { position: 'ASC' } }), (m) => m.projectId);

export const anchoringHistoryByProject = (ctx: RequestContext) =>
  loaderByGroup(ctx, 'anchoringHistoryByProject', (projectIds) =>
    ctx.ds.getRepository(AnchoringChange).find({ where: { projectId: In([...projectIds]) }, order: { changedAt: 'ASC' } }), (c) => c.projectId);
