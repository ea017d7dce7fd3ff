import { createEphemeralKeys, ReplayGuard, verifySignedRequest, type SignedRequest } from '@kommunenett/auth';
import { startHttpServer, type RunningHttpServer } from '@kommunenett/subgraph-kit';
import { routerCoprocessor, ROUTER_JWT_CLAIMS } from '../src/router-coprocessor';

let http: RunningHttpServer;
let secret: string;
beforeAll(async () => {
  secret = (await createEphemeralKeys()).internalSecret;
  http = await startHttpServer(routerCoprocessor(secret), 0);
});
afterAll(() => http.close());

/** What the subgraph would check: the headers against the request Router sends (fresh replay memory each time). */
const verify = (headers: Record<string, string[]>, audience: string, request: SignedRequest) =>
  verifySignedRequest((h) => headers[h]?.[0], audience, secret, request, new ReplayGuard());
const subgraphBody = { query: 'query($id: ID!) { person(id: $id) { name } }', variables: { id: 'p1' } };

const call = async (body: object) => (await fetch(http.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json() as Promise<Record<string, unknown>>;

describe('Apollo Router coprocessor', () => {
  it('gives every subgraph request its own unique id, accepted once', async () => {
    const request = { version: 1, stage: 'SubgraphRequest', control: 'continue', serviceName: 'networks', headers: {}, body: subgraphBody, uri: 'http://networks:4001/graphql', method: 'POST' };
    const [a, b] = [(await call(request)).headers, (await call(request)).headers] as Record<string, string[]>[];
    expect(a['x-kommunenett-nonce'][0]).not.toEqual(b['x-kommunenett-nonce'][0]);
    const memory = new ReplayGuard();
    const check = () => verifySignedRequest((h) => a[h]?.[0], 'networks', secret, { method: 'POST', path: '/graphql', body: subgraphBody }, memory);
    expect(check()).not.toBeNull();
    expect(check()).toBeNull();
  });

  it('signs the verified claims for the subgraph the request goes to', async () => {
    const out = await call({
      version: 1, stage: 'SubgraphRequest', control: 'continue', serviceName: 'participants', headers: { 'x-request-id': ['r1'] },
      body: subgraphBody, uri: 'http://participants:4002/graphql', method: 'POST',
      context: { entries: { [ROUTER_JWT_CLAIMS]: { sub: 'u1', role: 'COORDINATOR', municipality: 'NO-3201', iss: 'x', aud: 'y', exp: 1 } } },
    });
    expect(out.control).toBe('continue');
    const headers = out.headers as Record<string, string[]>;
    expect(headers['x-request-id']).toEqual(['r1']);
    // Router sends the body serialised by itself: keys in another order, as bytes, verify alike.
    const sent = JSON.stringify({ variables: subgraphBody.variables, query: subgraphBody.query });
    const viewer = verify(headers, 'participants', { method: 'POST', path: '/graphql', body: sent });
    expect(viewer).toMatchObject({ kind: 'user', role: 'COORDINATOR', municipalityId: 'NO-3201', subject: 'u1' });
    // The same headers are not valid for another subgraph, another body or another path.
    expect(verify(headers, 'networks', { method: 'POST', path: '/graphql', body: sent })).toBeNull();
    expect(verify(headers, 'participants', { method: 'POST', path: '/graphql', body: JSON.stringify({ ...subgraphBody, variables: { id: 'p2' } }) })).toBeNull();
    expect(verify(headers, 'participants', { method: 'POST', path: '/other', body: sent })).toBeNull();
  });

  it('signs an anonymous viewer when Router saw no token', async () => {
    const out = await call({ version: 1, stage: 'SubgraphRequest', control: 'continue', serviceName: 'networks', headers: {}, body: subgraphBody, uri: 'http://networks:4001/graphql', method: 'POST' });
    const headers = out.headers as Record<string, string[]>;
    expect(verify(headers, 'networks', { method: 'POST', path: '/graphql', body: subgraphBody })).toMatchObject({ kind: 'anonymous', role: null });
  });

  it('stops the request with 401 when the claims are not ours', async () => {
    const out = await call({ version: 1, stage: 'SubgraphRequest', control: 'continue', serviceName: 'networks', context: { entries: { [ROUTER_JWT_CLAIMS]: { sub: 'u1', role: 'SUPERUSER' } } } });
    expect(out.control).toEqual({ break: 401 });
  });

  it('passes other stages through unchanged', async () => {
    const input = { version: 1, stage: 'RouterRequest', control: 'continue', headers: { a: ['b'] } };
    expect(await call(input)).toEqual(input);
  });
});
