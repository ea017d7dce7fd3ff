import { Brackets, type SelectQueryBuilder } from 'typeorm';
import { forbidden, isAdmin, type RequestContext } from '@kommunenett/subgraph-kit';
import type { Viewer } from '@kommunenett/auth';
import { Network } from '../entities/network.entity';
import type { Program } from '../entities/program.entity';
import { NetworkStatus } from '../entities/enums';

/*
 * Who may see and do what with programmes and networks. The SQL filter and the predicates below
 * state the same rules; keep them together.
 */

/**
 * Networks the viewer may see, as a query to refine: everyone sees published networks (every
 * status but DRAFT); drafts only ADMIN, the hosts' ORG_ADMINs and the network's FACILITATORs.
 */
export function visibleNetworks(ctx: RequestContext): SelectQueryBuilder<Network> {
  const qb = ctx.ds.getRepository(Network).createQueryBuilder('n');
  const v = ctx.viewer;
  if (isAdmin(v)) return qb;
  return qb.andWhere(new Brackets((w) => {
    w.where('n.status <> :draft', { draft: NetworkStatus.DRAFT });
    if (v.role === 'ORG_ADMIN' && v.organizationId) w.orWhere(':org = ANY(n.host_ids)', { org: v.organizationId });
    if (v.role === 'FACILITATOR' && v.networkIds.length) w.orWhere('n.id IN (:...facilitated)', { facilitated: v.networkIds });
  }));
}

type NetworkFacts = Pick<Network, 'id' | 'hostIds' | 'status'>;

export function canSeeNetwork(viewer: Viewer, network: NetworkFacts): boolean {
  return network.status !== NetworkStatus.DRAFT || canRunNetwork(viewer, network);
}

/** Whether the viewer may change a network's rules and status: ADMIN, or ORG_ADMIN of a host. */
export function canManageNetwork(viewer: Viewer, network: Pick<Network, 'hostIds'>): boolean {
  return isAdmin(viewer) || (viewer.role === 'ORG_ADMIN' && !!viewer.organizationId && network.hostIds.includes(viewer.organizationId));
}

/** Whether the viewer runs the network day to day (sessions, agendas, assignments, reviews). */
export function canRunNetwork(viewer: Viewer, network: Pick<Network, 'id' | 'hostIds'>): boolean {
  return canManageNetwork(viewer, network) || (viewer.role === 'FACILITATOR' && viewer.networkIds.includes(network.id));
}

/** Whether the viewer speaks for the municipality (its COORDINATOR). */
export function actsForMunicipality(viewer: Viewer, municipalityId: string): boolean {
  return isAdmin(viewer) || (viewer.role === 'COORDINATOR' && viewer.municipalityId === municipalityId);
}

/** Whose work in a network the viewer may read: every municipality's, one municipality's, or none (the SQL form of canReadMunicipalityWork). */
export type WorkScope = 'ALL' | 'NONE' | { municipalityId: string };

export function workScope(viewer: Viewer, network: Pick<Network, 'id' | 'hostIds'>): WorkScope {
  if (canRunNetwork(viewer, network) || isAdmin(viewer)) return 'ALL';
  return viewer.role === 'COORDINATOR' && viewer.municipalityId ? { municipalityId: viewer.municipalityId } : 'NONE';
}

/** Whether the viewer may read a municipality's work in a network (submissions, project). */
export function canReadMunicipalityWork(viewer: Viewer, network: Pick<Network, 'id' | 'hostIds'>, municipalityId: string): boolean {
  return canRunNetwork(viewer, network) || actsForMunicipality(viewer, municipalityId);
}

export function canManageProgram(viewer: Viewer, program: Pick<Program, 'ownerIds'>): boolean {
  return isAdmin(viewer) || (viewer.role === 'ORG_ADMIN' && !!viewer.organizationId && program.ownerIds.includes(viewer.organizationId));
}

/** Throws FORBIDDEN unless `allowed`: a role acting outside its scope is refused before anything changes. */
export function requireAllowed(allowed: boolean, message?: string): void {
  if (!allowed) throw forbidden(message);
}
