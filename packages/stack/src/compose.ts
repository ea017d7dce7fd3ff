import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { buildFederatedSchema, DEFAULT_SUBGRAPH_PORTS, type SubgraphDefinition, type SubgraphName } from '@kommunenett/subgraph-kit';

export interface Composition {
  supergraphSdl: string;
  subgraphSdls: Record<string, string>;
  /** Composition hints, e.g. INCONSISTENT_DESCRIPTION when subgraphs describe one element differently. */
  hints: { code: string; message: string }[];
}

/**
 * Composes the subgraphs' schemas into the supergraph the gateway serves. The URLs written into
 * it are the local defaults; the gateway takes the real ones from its environment.
 */
export async function composeSupergraph(definitions: SubgraphDefinition[]): Promise<Composition> {
  const subgraphSdls: Record<string, string> = {};
  for (const def of definitions) subgraphSdls[def.name] = (await buildFederatedSchema(def)).sdl;
  return composeSubgraphSdls(subgraphSdls);
}

/** The supergraph of subgraph schemas already built (a running subgraph's `sdl`), by subgraph name. */
export function composeSubgraphSdls(subgraphSdls: Record<string, string>): Composition {
  const result = composeServices(Object.entries(subgraphSdls).map(([name, sdl]) => ({
    name,
    url: `http://127.0.0.1:${DEFAULT_SUBGRAPH_PORTS[name as SubgraphName]}/graphql`,
    typeDefs: parse(sdl),
  })));
  if (result.errors?.length) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  const hints = (result.hints ?? []).map((hint) => ({ code: hint.definition.code, message: hint.message }));
  return { supergraphSdl: result.supergraphSdl!, subgraphSdls, hints };
}
