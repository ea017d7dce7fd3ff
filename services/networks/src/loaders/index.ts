import { In } from 'typeorm';
import { loaderByGroup, loaderById, type RequestContext } from '@kommunenett/subgraph-kit';
import { Program } from '../entities/program.entity';
import { Session } from '../entities/session.entity';
import { AgendaItem } from '../entities/agenda-item.entity';
import { Assignment, Submission } from '../entities/assignment.entity';
import { AnchoringChange, MunicipalityProject, ProjectMilestone } from '../entities/project.entity';
import { visibleNetworks } from '../services/access';

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

export const submissionsByAssignment = (ctx: RequestContext) =>
  loaderByGroup(ctx, 'submissionsByAssignment', (assignmentIds) =>
    ctx.ds.getRepository(Submission).find({ where: { assignmentId: In([...assignmentIds]) }, order: { municipalityId: 'ASC' } }), (s) => s.assignmentId);

export const projectsByNetwork = (ctx: RequestContext) =>
  loaderByGroup(ctx, 'projectsByNetwork', (networkIds) =>
    ctx.ds.getRepository(MunicipalityProject).find({ where: { networkId: In([...networkIds]) }, order: { municipalityId: 'ASC' } }), (p) => p.networkId);

export const milestonesByProject = (ctx: RequestContext) =>
  loaderByGroup(ctx, 'milestonesByProject', (projectIds) =>
    ctx.ds.getRepository(ProjectMilestone).find({ where: { projectId: In([...projectIds]) }, order: { position: 'ASC' } }), (m) => m.projectId);

export const anchoringHistoryByProject = (ctx: RequestContext) =>
  loaderByGroup(ctx, 'anchoringHistoryByProject', (projectIds) =>
    ctx.ds.getRepository(AnchoringChange).find({ where: { projectId: In([...projectIds]) }, order: { changedAt: 'ASC' } }), (c) => c.projectId);
