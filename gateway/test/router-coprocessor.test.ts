import { createEphemeralKeys, verifySignedViewer } from '@kommunenett/auth';
import { startHttpServer, type RunningHttpServer } from '@kommunenett/subgraph-kit';
import { routerCoprocessor, ROUTER_JWT_CLAIMS } from '../src/router-coprocessor';

let http: RunningHttpServer;
let secret: string;
beforeAll(async () => {
  secret = (await createEphemeralKeys()).internalSecret;
  http = await startHttpServer(routerCoprocessor(secret), 0);
});
afterAll(() => http.close());

const call = async (body: object) => (await fetch(http.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json() as Promise<Record<string, unknown>>;

describe('Apollo Router coprocessor', () => {
  it('signs the verified claims for the subgraph the request goes to', async () => {
    const out = await call({
      version: 1, stage: 'SubgraphRequest', control: 'continue', serviceName: 'participants', headers: { 'x-request-id': ['r1'] },
      context: { entries: { [ROUTER_JWT_CLAIMS]: { sub: 'u1', role: 'COORDINATOR', municipality: 'NO-3201', iss: 'x', aud: 'y', exp: 1 } } },
    });
    expect(out.control).toBe('continue');
    const headers = out.headers as Record<string, string[]>;
    expect(headers['x-request-id']).toEqual(['r1']);
    const viewer = verifySignedViewer((h) => headers[h]?.[0], 'participants', secret);
    expect(viewer).toMatchObject({ kind: 'user', role: 'COORDINATOR', municipalityId: 'NO-3201', subject: 'u1' });
    // The same headers are not valid for another subgraph.
    expect(verifySignedViewer((h) => headers[h]?.[0], 'networks', secret)).toBeNull();
  });

  it('signs an anonymous viewer when Router saw no token', async () => {
    const out = await call({ version: 1, stage: 'SubgraphRequest', control: 'continue', serviceName: 'networks', headers: {} });
    const headers = out.headers as Record<string, string[]>;
    expect(verifySignedViewer((h) => headers[h]?.[0], 'networks', secret)).toMatchObject({ kind: 'anonymous', role: null });
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
