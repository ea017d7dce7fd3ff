import type { IncomingMessage, ServerResponse } from 'node:http';
import { ANONYMOUS, signRequest, tokenClaimsSchema, viewerFromClaims, type Viewer } from '@kommunenett/auth';
import { readBody, sendJson } from '@kommunenett/subgraph-kit/serving';

/** Where Apollo Router puts the claims of the JWT it verified. */
export const ROUTER_JWT_CLAIMS = 'apollo::authentication::jwt_claims';

interface CoprocessorRequest {
  version: number;
  stage: string;
  control: unknown;
  serviceName?: string;
  headers?: Record<string, string[]>;
  /** The GraphQL request Router will send to the subgraph (`body: true` in router.yaml). */
  body?: object | string;
  /** The subgraph's URL and the method (`uri: true`, `method: true`). */
  uri?: string;
  method?: string;
  context?: { entries?: Record<string, unknown> };
}

/**
 * Apollo Router's external coprocessor at the SubgraphRequest stage: turns the claims of the token
 * Router has verified into the same signed headers the Node gateway sends — bound to the body
 * Router is about to send, its method and path, with a unique id — so subgraphs accept Router and
 * gateway alike. Unknown stages pass through unchanged.
 */
export function routerCoprocessor(internalSecret: string) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const payload = JSON.parse(await readBody(req, 1_000_000)) as CoprocessorRequest;
    if (payload.stage !== 'SubgraphRequest' || !payload.serviceName) return sendJson(res, 200, payload);
    const claims = payload.context?.entries?.[ROUTER_JWT_CLAIMS];
    let viewer: Viewer = ANONYMOUS;
    if (claims) {
      const parsed = tokenClaimsSchema.safeParse(claims);
      if (!parsed.success) {
        return sendJson(res, 200, { ...payload, control: { break: 401 }, body: { errors: [{ message: 'The token does not carry valid kommunenett claims.', extensions: { code: 'UNAUTHENTICATED' } }] } });
      }
      viewer = viewerFromClaims(parsed.data);
    }
    const headers = { ...(payload.headers ?? {}) };
    const path = payload.uri ? (() => { const u = new URL(payload.uri); return u.pathname + u.search; })() : '/graphql';
    const signed = signRequest(viewer, payload.serviceName, internalSecret, { method: payload.method ?? 'POST', path, body: payload.body ?? null });
    for (const [key, value] of Object.entries(signed)) headers[key] = [value];
    return sendJson(res, 200, { ...payload, headers, control: 'continue' });
  };
}
