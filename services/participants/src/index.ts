import 'reflect-metadata';
import { In } from 'typeorm';
import { DEFAULT_SUBGRAPH_PORTS, type SubgraphDefinition } from '@kommunenett/subgraph-kit';
import { Municipality } from './entities/municipality.entity';
import { Organization } from './entities/organization.entity';
import { Person } from './entities/person.entity';
import { Registration } from './entities/registration.entity';
import { Network } from './entities/network';
import { migrations } from './migrations';
import { MunicipalityResolver, OrganizationResolver } from './resolvers/directory.resolver';
import { NetworkParticipationResolver } from './resolvers/network-participation.resolver';
import { seedParticipantsDemo } from './seed/demo';

/** The participants subgraph: the directory, people, registrations and attendance. */
export const participantsSubgraph: SubgraphDefinition = {
  name: 'participants',
  defaultPort: DEFAULT_SUBGRAPH_PORTS.participants,
  resolvers: [MunicipalityResolver, OrganizationResolver, NetworkParticipationResolver],
  // Entity stubs that no query returns must be named, or the schema leaves them out.
  orphanedTypes: [Network, Person],
  entities: [
    { typeName: 'Municipality', load: (ids, ctx) => ctx.ds.getRepository(Municipality).findBy({ id: In([...ids]) }) },
    { typeName: 'Organization', load: (ids, ctx) => ctx.ds.getRepository(Organization).findBy({ id: In([...ids]) }) },
    { typeName: 'Network' },
  ],
  tables: [Municipality, Organization, Person, Registration],
  migrations,
  seed: seedParticipantsDemo,
};
