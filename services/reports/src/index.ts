import 'reflect-metadata';
import { Query, Resolver } from 'type-graphql';
import { DEFAULT_SUBGRAPH_PORTS, type SubgraphDefinition } from '@kommunenett/subgraph-kit';

// Placeholder until the reports domain lands: replaced by the real resolvers, tables and seed.
@Resolver()
class PlaceholderResolver {
  @Query(() => String, { deprecationReason: 'placeholder' })
  reportsPlaceholder(): string {
    return 'reports';
  }
}

export const reportsSubgraph: SubgraphDefinition = {
  name: 'reports',
  defaultPort: DEFAULT_SUBGRAPH_PORTS.reports,
  resolvers: [PlaceholderResolver],
  entities: [],
  tables: [],
  migrations: [],
};
