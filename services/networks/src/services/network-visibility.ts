import { Brackets, type SelectQueryBuilder } from 'typeorm';
import { isAdmin, type RequestContext } from '@kommunenett/subgraph-kit';
import type { Viewer } from '@kommunenett/auth';
import { Network } from '../entities/network.entity';
import { NetworkStatus } from '../entities/enums';

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

/** Whether the viewer may change a network's rules and status: ADMIN, or ORG_ADMIN of a host. */
export function canManageNetwork(viewer: Viewer, network: Pick<Network, 'hostIds'>): boolean {
  return isAdmin(viewer) || (viewer.role === 'ORG_ADMIN' && !!viewer.organizationId && network.hostIds.includes(viewer.organizationId));
}
