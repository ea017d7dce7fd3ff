import 'reflect-metadata';
import { Query, Resolver } from 'type-graphql';
import { DEFAULT_SUBGRAPH_PORTS, type SubgraphDefinition } from '@kommunenett/subgraph-kit';

// Placeholder until the participants domain lands: replaced by the real resolvers, tables and seed.
@Resolver()
class PlaceholderResolver {
  @Query(() => String, { deprecationReason: 'placeholder' })
  participantsPlaceholder(): string {
    return 'participants';
  }
}

export const participantsSubgraph: SubgraphDefinition = {
  name: 'participants',
  defaultPort: DEFAULT_SUBGRAPH_PORTS.participants,
  resolvers: [PlaceholderResolver],
  entities: [],
  tables: [],
  migrations: [],
};
