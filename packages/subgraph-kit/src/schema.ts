import 'reflect-metadata';
import { buildSchema, createResolversMap } from 'type-graphql';
import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { authChecker } from './authorization';
import { loaderById, type RequestContext } from './context';
import type { SubgraphDefinition } from './definition';

/** The resolver map `buildSubgraphSchema` takes (its type is not exported from the package's entry point). */
type ResolverMap = NonNullable<Extract<Parameters<typeof buildSubgraphSchema>[0], { typeDefs: unknown }>['resolvers']>;

export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@override"])';

/**
 * Descriptions of the root types. Every subgraph gives the same text, so composition keeps it
 * without a conflict.
 */
export const ROOT_TYPE_DESCRIPTIONS = {
  Query: 'Entry points for reading. Anonymous callers read the public catalogue (networks, sessions, handbooks, published results); a token (Authorization: Bearer …) unlocks what the role may read. Lists over 100 items are pages (first/after). Times are UTC instants (DateTime) unless a field says it is local to the network’s time zone.',
  Mutation: 'Entry points for changes. Each takes one input and returns a payload with the changed object and userErrors: rules the input broke, with a path into input and a code (nothing is changed then). A token is required; the role and the organizations in it decide what may be changed.',
} as const;

export interface BuiltSubgraphSchema {
  schema: GraphQLSchema;
  /** The subgraph's SDL as composition sees it (what `_service { sdl }` returns). */
  sdl: string;
}

/** Each definition's schema, built once per process (see buildFederatedSchema). */
const built = new WeakMap<SubgraphDefinition, Promise<BuiltSubgraphSchema>>();

/**
 * Turns a service's type-graphql resolvers into a Federation 2 subgraph schema. Every entity's
 * `__resolveReference` goes through a per-request DataLoader, so N representations in one
 * `_entities` call cost one batch load. Built once per definition and process: the schema
 * depends on the code alone (a running subgraph's state reaches resolvers through the request's
 * context), and type-graphql changes its metadata as it builds, so that a second build of the
 * same classes orders some arguments differently from the first.
 */
export function buildFederatedSchema(definition: SubgraphDefinition): Promise<BuiltSubgraphSchema> {
  let schema = built.get(definition);
  if (!schema) {
    schema = buildOnce(definition);
    built.set(definition, schema);
    schema.catch(() => built.delete(definition));
  }
  return schema;
}

async function buildOnce(definition: SubgraphDefinition): Promise<BuiltSubgraphSchema> {
  const typeGraphqlSchema = await buildSchema({
    resolvers: definition.resolvers,
    orphanedTypes: definition.orphanedTypes,
    authChecker,
    authMode: 'error',
    validate: false,
    skipCheck: true,
    emitSchemaFile: false,
    scalarsMap: [
      { type: Date, scalar: DateTimeResolver },
    ],
  });
  for (const root of [typeGraphqlSchema.getQueryType(), typeGraphqlSchema.getMutationType()]) {
    if (root) root.description = ROOT_TYPE_DESCRIPTIONS[root.name as keyof typeof ROOT_TYPE_DESCRIPTIONS];
  }
  const typeDefs = parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(typeGraphqlSchema)}`);
  const resolvers = createResolversMap(typeGraphqlSchema) as ResolverMap;
  for (const entity of definition.entities) {
    const typeResolvers = (resolvers[entity.typeName] ??= {}) as Record<string, unknown>;
    const load = entity.load;
    typeResolvers.__resolveReference = load
      ? (ref: { id: string }, ctx: RequestContext) => loaderById(ctx, `reference:${entity.typeName}`, (ids) => load(ids, ctx)).load(ref.id)
      : (ref: object) => ref;
  }
  const schema = buildSubgraphSchema({ typeDefs, resolvers });
  return { schema, sdl: printSubgraphSchema(schema) };
}
