import type { GraphQLFormattedError } from 'graphql';

/**
 * Apollo Gateway sends an entity fetch one representation per position in the answer: the
 * four-hop query's 50 registrations ask the reports subgraph for 50 municipalities when about 30
 * are distinct, and the subgraph resolves, serialises and sends the same reports again for each
 * repeat (about 640 report objects instead of 430). Here the representations go out once each,
 * and the answer is spread back over the positions before the gateway reads it, so nothing
 * downstream (merging, error paths, the answer) can tell.
 */
export interface Deduplicated {
  /** The distinct representations, in the order they first appear. */
  representations: unknown[];
  /** For each original position, the index of its representation among the distinct ones. */
  positions: number[];
}

/** The distinct representations and where each position's is, or null when all are distinct. */
export function deduplicateRepresentations(representations: readonly unknown[]): Deduplicated | null {
  if (representations.length < 2) return null;
  const index = new Map<string, number>();
  const distinct: unknown[] = [];
  const positions: number[] = [];
  for (const representation of representations) {
    // The gateway builds each representation by walking the same selection: equal ones serialise alike.
    const key = JSON.stringify(representation);
    let i = index.get(key);
    if (i === undefined) {
      i = distinct.length;
      index.set(key, i);
      distinct.push(representation);
    }
    positions.push(i);
  }
  return distinct.length < representations.length ? { representations: distinct, positions } : null;
}

interface EntitiesResponse { data?: { _entities?: unknown[] } | null; errors?: readonly GraphQLFormattedError[] }

/**
 * Spreads an answer to the distinct representations back over the original positions: each
 * entity, and each error whose path starts at `_entities.<i>`, once per position that asked for it.
 * An answer of unexpected shape is left as it is (the gateway reports it as it would have).
 */
export function expandEntities<R extends EntitiesResponse>(response: R, { representations, positions }: Deduplicated): R {
  const entities = response.data?._entities;
  if (!Array.isArray(entities) || entities.length !== representations.length) return response;
  const given = new Set<number>();
  const expanded = positions.map((i) => {
    // A repeated position gets objects of its own, as it did from the subgraph.
    if (given.has(i)) return structuredClone(entities[i]);
    given.add(i);
    return entities[i];
  });
  let errors = response.errors;
  if (errors?.some((e) => e.path?.[0] === '_entities')) {
    errors = errors.flatMap((error) => {
      const [root, i, ...rest] = error.path ?? [];
      if (root !== '_entities' || typeof i !== 'number') return [error];
      return positions.flatMap((p, position) => (p === i ? [{ ...error, path: ['_entities', position, ...rest] }] : []));
    });
  }
  return { ...response, data: { ...response.data, _entities: expanded }, ...(errors && { errors }) };
}
