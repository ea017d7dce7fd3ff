import { In } from 'typeorm';
import { loaderByGroup, loaderById, type RequestContext } from '@kommunenett/subgraph-kit';
import { Network } from '../entities/network.entity';
import { Program } from '../entities/program.entity';
import { Session } from '../entities/session.entity';
import { visibleNetworks } from '../services/network-visibility';

export const networkById = (ctx: RequestContext) =>
  loaderById(ctx, 'networkById', (ids) => visibleNetworks(ctx).andWhere('n.id IN (:...ids)', { ids }).getMany());

export const programById = (ctx: RequestContext) =>
  loaderById(ctx, 'programById', (ids) => ctx.ds.getRepository(Program).findBy({ id: In([...ids]) }));

export const sessionById = (ctx: RequestContext) =>
  loaderById(ctx, 'sessionById', (ids) => ctx.ds.getRepository(Session).findBy({ id: In([...ids]) }));

export const sessionsByNetwork = (ctx: RequestContext) =>
  loaderByGroup(ctx, 'sessionsByNetwork', (networkIds) =>
    ctx.ds.getRepository(Session).find({ where: { networkId: In([...networkIds]) }, order: { sequence: 'ASC' } }), (s) => s.networkId);
