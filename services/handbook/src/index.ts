import 'reflect-metadata';
import { Query, Resolver } from 'type-graphql';
import { DEFAULT_SUBGRAPH_PORTS, type SubgraphDefinition } from '@kommunenett/subgraph-kit';

// Placeholder until the handbook domain lands: replaced by the real resolvers, tables and seed.
@Resolver()
class PlaceholderResolver {
  @Query(() => String, { deprecationReason: 'placeholder' })
  handbookPlaceholder(): string {
    return 'handbook';
  }
}

export const handbookSubgraph: SubgraphDefinition = {
  name: 'handbook',
  defaultPort: DEFAULT_SUBGRAPH_PORTS.handbook,
  resolvers: [PlaceholderResolver],
  entities: [],
  tables: [],
  migrations: [],
};
