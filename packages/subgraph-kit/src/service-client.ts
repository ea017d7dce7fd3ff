import { serviceViewer, signRequest, type Viewer } from '@kommunenett/auth';
import type { SubgraphConfig, SubgraphName } from './config';

export class SubgraphCallError extends Error {}

/**
 * Calls another subgraph with the internal credentials, as `service:<caller>`: how a service reads
 * the facts another one owns (through its `_entities`) without touching its tables.
 */
export class SubgraphClient {
  constructor(private readonly caller: string, private readonly target: SubgraphName, private readonly secret: string, private readonly url: string) {}

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
 * A client for calls from this service to another subgraph, signed with the internal secret: the
 * secret and the target's URL come from the service's configuration (`ctx.config`).
 */
export function internalClient(from: { service: string; config: SubgraphConfig }, target: SubgraphName): SubgraphClient {
  return new SubgraphClient(from.service, target, from.config.internalSecret, from.config.subgraphUrls[target]);
}
