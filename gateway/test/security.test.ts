import { createEphemeralKeys, DEV_TOKEN_SETTINGS, signToken, signRequest, ANONYMOUS, type Viewer } from '@kommunenett/auth';
import { sqlDelta, startTestStack, type TestStack } from '@kommunenett/stack/testing';
import { DEMO } from '@kommunenett/reference-data';

let stack: TestStack;
beforeAll(async () => { stack = await startTestStack(); });
afterAll(async () => { await stack?.stop(); });

async function post(body: string, headers: Record<string, string> = { 'content-type': 'application/json' }, url = stack.gatewayUrl) {
  const res = await fetch(url, { method: 'POST', headers, body });
  return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } };
}
const query = (q: string, token?: string) => post(JSON.stringify({ query: q }), { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) });
const firstCode = (body: { errors?: { extensions?: { code?: string } }[] }) => body.errors?.[0]?.extensions?.code;

describe('request bodies', () => {
  it('answers malformed JSON with 400 BAD_REQUEST', async () => {
    const res = await post('{"query": "{ networks { totalCount } }"');
    expect(res.status).toBe(400);
    expect(firstCode(res.body)).toBe('BAD_REQUEST');
  });

  it('refuses a body over the cap with 413 before executing anything', async () => {
    const res = await post(JSON.stringify({ query: `{ networks { totalCount } } # ${'x'.repeat(200_000)}` }));
    expect(res.status).toBe(413);
    expect(firstCode(res.body)).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers a syntax error with 400, not 500', async () => {
    const res = await query('{ networks { totalCount }');
    expect(res.status).toBe(400);
    expect(firstCode(res.body)).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('refuses a mutation sent with GET and changes nothing', async () => {
    const id = DEMO.networks.antikorrupsjonA;
    const mutation = `mutation { cancelNetwork(input: { networkId: "${id}", reason: "GET", expectedVersion: 1 }) { userErrors { code } } }`;
    const res = await fetch(`${stack.gatewayUrl}?query=${encodeURIComponent(mutation)}`, { headers: { authorization: `Bearer ${await stack.token('ADMIN')}`, 'apollo-require-preflight': 'true' } });
    expect(res.status).toBe(405);
    const after = await stack.graphql<{ network: { status: string } }>(`{ network(id: "${id}") { status } }`);
    expect(after.body.data!.network.status).toBe('COMPLETED');
  });

  it('refuses form-encoded and plain-text posts (CSRF prevention)', async () => {
    for (const type of ['application/x-www-form-urlencoded', 'text/plain']) {
      const res = await post('query=%7B__typename%7D', { 'content-type': type });
      expect(res.status).toBe(400);
      expect(res.body.errors?.[0]?.message).toMatch(/Cross-Site Request Forgery/);
    }
  });
});

describe('tokens', () => {
  const claims = { sub: 'someone', role: 'ADMIN' as const };

  it('accepts a valid token', async () => {
    const res = await query('{ networks { totalCount } }', await stack.token('ADMIN'));
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
  });

  it.each([
    ['expired', async () => signToken(claims, stack.keys, DEV_TOKEN_SETTINGS, Math.floor(Date.now() / 1000) - 3600)],
    ['signed by another key', async () => signToken(claims, await createEphemeralKeys(), DEV_TOKEN_SETTINGS)],
    ['signed by another key under our key id', async () => signToken(claims, { ...(await createEphemeralKeys()), kid: stack.keys.kid }, DEV_TOKEN_SETTINGS)],
    ['from another issuer', async () => signToken(claims, stack.keys, { ...DEV_TOKEN_SETTINGS, issuer: 'https://evil.example' })],
    ['for another audience', async () => signToken(claims, stack.keys, { ...DEV_TOKEN_SETTINGS, audience: 'another-api' })],
    ['with alg none', async () => {
      const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const now = Math.floor(Date.now() / 1000);
      return `${part({ alg: 'none', typ: 'JWT', kid: stack.keys.kid })}.${part({ ...claims, iss: DEV_TOKEN_SETTINGS.issuer, aud: DEV_TOKEN_SETTINGS.audience, exp: now + 600 })}.`;
    }],
    ['that is not a JWT', async () => 'not-a-token'],
  ])('refuses a token %s with 401', async (_name, make) => {
    const res = await query('{ networks { totalCount } }', await make());
    expect(res.status).toBe(401);
    expect(firstCode(res.body)).toBe('UNAUTHENTICATED');
    expect(res.body.data).toBeUndefined();
  });

  it('refuses an Authorization header that is not a bearer token', async () => {
    const res = await post(JSON.stringify({ query: '{ __typename }' }), { 'content-type': 'application/json', authorization: 'Basic YWRtaW46YWRtaW4=' });
    expect(res.status).toBe(401);
  });
});

describe('subgraphs answer only the gateway', () => {
  it.each([
    ['_service', '{ _service { sdl } }'],
    ['_entities', '{ _entities(representations: [{ __typename: "Network", id: "x" }]) { __typename } }'],
    ['a plain query', '{ networks { totalCount } }'],
  ])('refuses %s without the gateway signature (401)', async (_name, q) => {
    for (const sub of Object.values(stack.subgraphs)) {
      const res = await post(JSON.stringify({ query: q }), { 'content-type': 'application/json' }, sub.url);
      expect(res.status).toBe(401);
      expect(firstCode(res.body)).toBe('UNAUTHENTICATED');
    }
  });

  /** Headers signed the way the gateway signs a POST of `body` to a subgraph's /graphql. */
  const signed = (viewer: Viewer, audience: string, body: string, secret = stack.keys.internalSecret, now = Date.now()) =>
    ({ 'content-type': 'application/json', ...signRequest(viewer, audience, secret, { method: 'POST', path: '/graphql', body }, now) });
  const sdlQuery = JSON.stringify({ query: '{ _service { sdl } }' });

  it('refuses forged and misdirected signatures', async () => {
    const admin: Viewer = { ...ANONYMOUS, kind: 'user', role: 'ADMIN' };
    const res = await post(sdlQuery, signed(admin, 'networks', sdlQuery, 'a-secret-that-is-not-the-gateways'), stack.subgraphs.networks.url);
    expect(res.status).toBe(401);
    // Signed correctly, but for another subgraph: not replayable here.
    const res2 = await post(sdlQuery, signed(admin, 'participants', sdlQuery), stack.subgraphs.networks.url);
    expect(res2.status).toBe(401);
    // Signed correctly but too old.
    const res3 = await post(sdlQuery, signed(ANONYMOUS, 'networks', sdlQuery, stack.keys.internalSecret, Date.now() - 10 * 60_000), stack.subgraphs.networks.url);
    expect(res3.status).toBe(401);
  });

  it('accepts a correctly signed call once', async () => {
    const headers = signed(ANONYMOUS, 'networks', sdlQuery);
    const res = await post(sdlQuery, headers, stack.subgraphs.networks.url);
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body.data)).toContain('type Network');
    // The very same request again (headers and body captured on the wire) is a replay.
    const replay = await post(sdlQuery, headers, stack.subgraphs.networks.url);
    expect(replay.status).toBe(401);
    expect(firstCode(replay.body)).toBe('UNAUTHENTICATED');
  });

  it('refuses captured headers re-sent with another body, before running it', async () => {
    const coordinator: Viewer = { ...ANONYMOUS, kind: 'user', subject: 'c1', role: 'COORDINATOR', municipalityId: 'NO-3201' };
    const innocent = JSON.stringify({ query: '{ __typename }' });
    const captured = signed(coordinator, 'participants', innocent);
    // Never sent as signed: the headers are replayed at once with a query for contact data.
    const greedy = JSON.stringify({ query: '{ registrations(first: 100) { edges { node { person { name email phone } } } } }' });
    const before = stack.sqlStatements();
    const res = await post(greedy, captured, stack.subgraphs.participants.url);
    expect(res.status).toBe(401);
    expect(firstCode(res.body)).toBe('UNAUTHENTICATED');
    expect(res.body.data).toBeUndefined();
    expect(stack.sqlStatements().participants ?? 0).toBe(before.participants ?? 0);
    // Variables are part of what is signed too.
    const withVariables = (id: string) => JSON.stringify({ query: 'query($id: ID!) { network(id: $id) { name } }', variables: { id } });
    const headers = signed(ANONYMOUS, 'networks', withVariables(DEMO.networks.antikorrupsjonA));
    const swapped = await post(withVariables(DEMO.networks.antikorrupsjonB), headers, stack.subgraphs.networks.url);
    expect(swapped.status).toBe(401);
    // The untouched request still goes through once: the refusals did not spend its id.
    const original = await post(withVariables(DEMO.networks.antikorrupsjonA), headers, stack.subgraphs.networks.url);
    expect(original.status).toBe(200);
  });

  it('refuses a calendar signature used for another path', async () => {
    const path = `/calendar/networks/${DEMO.networks.antikorrupsjonA}.ics`;
    const headers = signRequest(ANONYMOUS, 'networks', stack.keys.internalSecret, { method: 'GET', path, body: null });
    const base = stack.subgraphs.networks.url.replace(/\/graphql$/, '');
    const other = await fetch(`${base}/calendar/networks/${DEMO.networks.antikorrupsjonB}.ics`, { headers });
    expect(other.status).toBe(401);
    const same = await fetch(`${base}${path}`, { headers });
    expect(same.status).toBe(200);
  });
});

describe('query limits', () => {
  it('refuses a query deeper than the limit', async () => {
    const res = await query('{ networks { edges { node { program { networks { edges { node { program { networks { edges { node { program { name } } } } } } } } } } } } }');
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.message).toMatch(/depth/i);
    expect(res.body.data).toBeUndefined();
  });

  it('refuses a query with 1,000 aliases', async () => {
    const aliases = Array.from({ length: 1000 }, (_, i) => `a${i}: programs(first: 1) { totalCount }`).join(' ');
    const res = await query(`{ ${aliases} }`);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.message).toMatch(/alias|token/i);
  });

  it('refuses a page size over 100 with BAD_USER_INPUT', async () => {
    const res = await query('{ networks(first: 1000) { totalCount } }');
    expect(firstCode(res.body)).toBe('BAD_USER_INPUT');
    expect(res.body.data).toBeNull();
  });

  it('passes on a subgraph’s refusal of a custom scalar the gateway cannot check (BAD_USER_INPUT, not 500)', async () => {
    const res = await stack.graphql('query($asOf: LocalDate) { overdueFindings(asOf: $asOf) { totalCount } }', { variables: { asOf: '2013-02-30' }, token: await stack.token('ADMIN') });
    expect(firstCode(res.body)).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0]?.message).toMatch(/asOf|LocalDate|date/i);
  });

  it('refuses a malformed id with BAD_USER_INPUT, not a database error', async () => {
    const res = await query(`{ network(id: "1' OR '1'='1") { name } }`);
    expect(firstCode(res.body)).toBe('BAD_USER_INPUT');
  });

  it('refuses aliases named like prototype members', async () => {
    for (const alias of ['__proto__', 'constructor']) {
      const res = await query(`{ ${alias}: networks(first: 1) { totalCount } }`);
      expect(res.status).toBe(400);
      expect(res.body.errors?.[0]?.message).toContain(`"${alias}" is not allowed`);
    }
    expect(({} as Record<string, unknown>).totalCount).toBeUndefined();
  });
});

describe('calendar feeds through the gateway', () => {
  it('serves the iCalendar feed of a network at one public URL', async () => {
    const res = await fetch(`${stack.baseUrl}/calendar/networks/${DEMO.networks.antikorrupsjonA}.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/calendar/);
    expect(await res.text()).toMatch(/BEGIN:VCALENDAR[\s\S]*BEGIN:VEVENT/);
  });

  it('refuses paths that try to leave the calendar folder', async () => {
    const res = await fetch(`${stack.baseUrl}/calendar/..%2f..%2fgraphql`);
    expect(res.status).toBe(404);
  });
});

describe('query cost', () => {
  it('lets a page of 100 networks with 100 registrations each through, in a fixed number of statements', async () => {
    const token = await stack.token('ADMIN');
    const page = (n: number) => `{ networks(first: ${n}) { edges { node { registrations(first: 100) { edges { node { person { name } municipality { name county { name } } } } } } } } }`;
    const run = async (n: number) => {
      const before = stack.sqlStatements();
      const res = await stack.graphql<{ networks: { edges: unknown[] } }>(page(n), { token });
      expect(res.body.errors).toBeUndefined();
      return { networks: res.body.data!.networks.edges.length, statements: sqlDelta(before, stack.sqlStatements()).total };
    };
    const small = await run(2);
    const large = await run(100);
    expect(large.networks).toBeGreaterThan(10);
    expect(large.statements).toBe(small.statements);
  });

  it('refuses a query whose cost is over the limit', async () => {
    const fields = Array.from({ length: 25 }, (_, i) => `f${i}: networks(first: 100) { edges { node { registrations(first: 100) { edges { node { person { name email phone } municipality { name county { name } } } } } } } }`).join(' ');
    const res = await query(`{ ${fields} }`);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.message).toMatch(/cost/i);
  });
});
