import { serviceViewer, signRequest, type Viewer } from '@kommunenett/auth';

export const SUBGRAPH_NAMES = ['networks', 'participants', 'reports', 'handbook'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];
export const DEFAULT_SUBGRAPH_PORTS: Record<SubgraphName, number> = { networks: 4001, participants: 4002, reports: 4003, handbook: 4004 };

/** Where a subgraph's GraphQL endpoint is: `<NAME>_SUBGRAPH_URL`, else its default local port. */
export function subgraphUrl(name: SubgraphName, env: NodeJS.ProcessEnv = process.env): string {
  return env[`${name.toUpperCase()}_SUBGRAPH_URL`] ?? `http://127.0.0.1:${env[`${name.toUpperCase()}_PORT`] ?? DEFAULT_SUBGRAPH_PORTS[name]}/graphql`;
}

export class SubgraphCallError extends Error {}

/**
 * Calls another subgraph with the internal credentials, as `service:<caller>`: how a service reads
 * the facts another one owns (through its `_entities`) without touching its tables.
 */
export class SubgraphClient {
  constructor(private readonly caller: string, private readonly target: SubgraphName, private readonly secret: string, private readonly url = subgraphUrl(target)) {}

  /**
   * `onBehalfOf` signs the caller's own viewer instead of the service's: how a service asks what
   * its caller may see (e.g. which people) and gets the owner's rule applied to that caller.
   */
  async query<T>(query: string, variables: Record<string, unknown> = {}, requestId?: string, onBehalfOf?: Viewer): Promise<T> {
    const requestBody = JSON.stringify({ query, variables });
    const target = new URL(this.url);
    const response = await fetch(target, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(requestId && { 'x-request-id': requestId }),
        ...signRequest(onBehalfOf ?? serviceViewer(this.caller), this.target, this.secret, { method: 'POST', path: target.pathname + target.search, body: requestBody }),
      },
      body: requestBody,
    });
    const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
    if (!response.ok || body.errors?.length || !body.data) {
      throw new SubgraphCallError(`${this.target} answered ${response.status}: ${body.errors?.map((e) => e.message).join('; ') ?? 'no data'}`);
    }
    return body.data;
  }

  /** Resolves entities by id through the owner's `_entities`, in the order of `ids`. */
  async entities<T>(typename: string, ids: readonly string[], selection: string, requestId?: string, onBehalfOf?: Viewer): Promise<(T | null)[]> {
    if (ids.length === 0) return [];
    const data = await this.query<{ _entities: (T | null)[] }>(
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${typename} { ${selection} } } }`,
      { representations: ids.map((id) => ({ __typename: typename, id })) },
      requestId,
      onBehalfOf,
    );
    return data._entities;
  }
}

/**
 * The internal secret, the one place a service reads it after start. Read at call time: the
 * in-process test stack sets it (and the subgraph URLs) after the services have started.
 */
export function internalSecret(): string {
  return process.env.INTERNAL_AUTH_SECRET ?? '';
}

/** A client for calls from `caller` to another subgraph, signed with the internal secret. */
export function internalClient(caller: SubgraphName, target: SubgraphName): SubgraphClient {
  return new SubgraphClient(caller, target, internalSecret());
}
