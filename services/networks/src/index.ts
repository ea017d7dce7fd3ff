import 'reflect-metadata';
import { DEFAULT_SUBGRAPH_PORTS, type SubgraphDefinition } from '@kommunenett/subgraph-kit';
import { Network } from './entities/network.entity';
import { Program } from './entities/program.entity';
import { Session } from './entities/session.entity';
import { migrations } from './migrations';
import { NetworkResolver, OrganizationNetworksResolver } from './resolvers/network.resolver';
import { ProgramResolver } from './resolvers/program.resolver';
import { SessionResolver } from './resolvers/session.resolver';
import { seedNetworksDemo } from './seed/demo';
import { visibleNetworks } from './services/network-visibility';
import { In } from 'typeorm';

/** The networks subgraph: programmes, networks, sessions and their agendas. */
export const networksSubgraph: SubgraphDefinition = {
  name: 'networks',
  defaultPort: DEFAULT_SUBGRAPH_PORTS.networks,
  resolvers: [NetworkResolver, OrganizationNetworksResolver, ProgramResolver, SessionResolver],
  entities: [
    { typeName: 'Network', load: (ids, ctx) => visibleNetworks(ctx).andWhere('n.id IN (:...ids)', { ids }).getMany() },
    { typeName: 'Program', load: (ids, ctx) => ctx.ds.getRepository(Program).findBy({ id: In([...ids]) }) },
    { typeName: 'Session', load: (ids, ctx) => ctx.ds.getRepository(Session).findBy({ id: In([...ids]) }) },
    { typeName: 'Organization' },
  ],
  tables: [Program, Network, Session],
  migrations,
  seed: seedNetworksDemo,
};
