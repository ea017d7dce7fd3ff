import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { startTestStack, type TestStack } from '@kommunenett/stack/testing';
import { gatewayConfigFromEnv, startGateway, type RunningGateway } from '@kommunenett/gateway';
import { createLogger } from '@kommunenett/subgraph-kit';

const quiet = createLogger('test', 'silent');
const postToken = (base: string, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  fetch(`${base}/dev/token`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('POST /dev/token with the development key', () => {
  let stack: TestStack;
  beforeAll(async () => { stack = await startTestStack(); }, 180_000);
  afterAll(async () => { await stack?.stop(); });

  it('signs a token for a role with the demo claims, which the gateway then accepts', async () => {
    const res = await postToken(stack.baseUrl, { role: 'ANALYST' });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const body = (await res.json()) as { token: string; expiresAt: string; claims: { role: string; org: string } };
    expect(body.claims).toMatchObject({ role: 'ANALYST', org: 'ks' });
    expect(decodeJwt(body.token)).toMatchObject({ role: 'ANALYST', org: 'ks', iss: 'https://auth.kommunenett.dev' });
    // ANALYST may read statistics; anonymous may not.
    const statistics = '{ participationStatistics(filter: { country: NO }, groupBy: [COUNTY]) { cells { totalCount edges { node { participants } } } } }';
    const asAnalyst = await stack.graphql<{ participationStatistics: { cells: { edges: unknown[] } } }>(statistics, { token: body.token });
    expect(asAnalyst.body.errors).toBeUndefined();
    expect(asAnalyst.body.data!.participationStatistics.cells.edges.length).toBeGreaterThan(0);
    const anonymous = await stack.graphql(statistics);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
  });

  it('takes claims and a lifetime from the body', async () => {
    const res = await postToken(stack.baseUrl, { role: 'coordinator', municipality: 'NO-0301', expiresInSeconds: 60 });
    expect(res.status).toBe(200);
    const { token } = (await res.json()) as { token: string };
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({ role: 'COORDINATOR', municipality: 'NO-0301' });
    expect(claims.exp! - claims.iat!).toBeLessThanOrEqual(61);
  });

  it.each([
    ['an unknown role', { role: 'KING' }, 400, 'BAD_USER_INPUT'],
    ['a malformed claim', { role: 'COORDINATOR', municipality: 'Oslo' }, 400, 'BAD_USER_INPUT'],
    ['an unknown claim', { role: 'ADMIN', admin: true }, 400, 'BAD_USER_INPUT'],
    ['a lifetime over a day', { role: 'ADMIN', expiresInSeconds: 100_000 }, 400, 'BAD_USER_INPUT'],
    ['a body that is not an object', '[1]', 400, 'BAD_REQUEST'],
    ['broken JSON', '{"role":', 400, 'BAD_REQUEST'],
  ])('refuses %s with a code', async (_what, body, status, code) => {
    const res = await postToken(stack.baseUrl, body);
    expect(res.status).toBe(status);
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(code);
  });

  it('refuses a form post (no cross-site token minting) and GET', async () => {
    const form = await postToken(stack.baseUrl, 'role=ADMIN', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    const get = await fetch(`${stack.baseUrl}/dev/token`);
    expect(get.status).toBe(405);
  });
});

describe('POST /dev/token in production configuration', () => {
  let gateway: RunningGateway | undefined;
  let dataDir: string;
  beforeAll(() => { dataDir = mkdtempSync(join(tmpdir(), 'kn-devtoken-')); });
  afterAll(async () => {
    await gateway?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is absent when tokens come from the identity provider (AUTH_JWKS_URL), as docker-compose configures', async () => {
    const config = gatewayConfigFromEnv({
      NODE_ENV: 'production', AUTH_JWKS_URL: 'https://login.example.org/.well-known/jwks.json', AUTH_ISSUER: 'https://login.example.org',
      INTERNAL_AUTH_SECRET: 'a-production-secret-of-enough-length', DATA_DIR: dataDir,
    });
    gateway = await startGateway({ ...config, port: 0, graphiql: true }, quiet);
    const base = gateway.url.replace(/\/graphql$/, '');
    const res = await postToken(base, { role: 'ADMIN' });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('NOT_FOUND');
    // GraphiQL, if switched on, offers no role picker then.
    const graphiql = await (await fetch(`${base}/graphiql`)).text();
    expect(graphiql).toContain('<div id="graphiql">');
    expect(graphiql).not.toContain('dev-role');
  });

  it('exists with the development key of pnpm start', async () => {
    await gateway?.stop();
    gateway = await startGateway({ ...gatewayConfigFromEnv({ DATA_DIR: dataDir }), port: 0, graphiql: true }, quiet);
    const res = await postToken(gateway.url.replace(/\/graphql$/, ''), { role: 'ADMIN' });
    expect(res.status).toBe(200);
    expect(await (await fetch(gateway.url.replace(/\/graphql$/, '/graphiql'))).text()).toContain('<select id="dev-role">');
  });
});
