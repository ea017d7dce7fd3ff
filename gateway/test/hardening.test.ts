import { connect, type Socket } from 'node:net';
import { DEMO } from '@kommunenett/reference-data';
import { startTestStack, type TestStack } from '@kommunenett/stack/testing';

/** The stack as in production: introspection off, and the metrics behind a token. */
const METRICS_TOKEN = 'metrics-token-for-the-hardening-test';
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ env: { METRICS_TOKEN }, gateway: { introspection: false } });
}, 180_000);
afterAll(async () => { await stack?.stop(); });

type Body = { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string; [k: string]: unknown } }[]; extensions?: Record<string, unknown> };
async function post(body: unknown, token?: string) {
  const res = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Body };
}
const codes = (body: Body) => (body.errors ?? []).map((e) => e.extensions?.code);
const messages = (body: Body) => (body.errors ?? []).map((e) => e.message).join('\n');

/** One HTTP exchange on a raw socket: what was answered, and whether the server closed the connection. */
function rawExchange(port: number, send: (socket: Socket) => void): Promise<{ head: string; closed: boolean; socket: Socket }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    let closed = false;
    socket.setEncoding('latin1');
    socket.on('error', () => undefined);
    socket.on('data', (chunk: string) => {
      text += chunk;
      const end = text.indexOf('\r\n\r\n');
      const length = /content-length: (\d+)/i.exec(text)?.[1];
      if (end >= 0 && length && text.length >= end + 4 + Number(length)) {
        // The whole answer is in: wait for the server to close, or see that it keeps the socket.
        const done = () => resolve({ head: text.slice(0, end), closed, socket });
        if (closed) done();
        else {
          socket.once('close', () => { closed = true; done(); });
          setTimeout(done, 2000).unref();
        }
      }
    });
    socket.on('close', () => { closed = true; });
    socket.on('connect', () => send(socket));
    socket.setTimeout(30_000, () => reject(new Error('no answer')));
  });
}

describe('413 for a chunked body (keep-alive)', () => {
  const portOf = (url: string) => Number(new URL(url).port);
  const chunkedPost = (path: string) => (socket: Socket) => {
    socket.write(`POST ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: keep-alive\r\n\r\n`);
    // More than the gateway's 100 kB in chunks, with no end: the server must not wait for it.
    const chunk = 'x'.repeat(16_384);
    for (let i = 0; i < 10; i++) socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
  };

  it('answers 413 with Connection: close and closes the socket (gateway)', async () => {
    const { head, closed, socket } = await rawExchange(portOf(stack.gatewayUrl), chunkedPost('/graphql'));
    socket.destroy();
    expect(head).toMatch(/^HTTP\/1\.1 413/);
    expect(head).toMatch(/\r\nconnection: close/i);
    expect(closed).toBe(true);
  });

  it('keeps the connection of a request that was read whole', async () => {
    const { head, closed, socket } = await rawExchange(portOf(stack.gatewayUrl), (s) => s.write('GET /nowhere HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n'));
    socket.destroy();
    expect(head).toMatch(/^HTTP\/1\.1 404/);
    expect(head).toMatch(/\r\nconnection: keep-alive/i);
    expect(closed).toBe(false);
  });
});

describe('/metrics of the subgraphs', () => {
  it('answers only with the configured bearer token', async () => {
    for (const subgraph of Object.values(stack.subgraphs)) {
      const metrics = subgraph.url.replace(/\/graphql$/, '/metrics');
      expect((await fetch(metrics)).status).toBe(401);
      expect((await fetch(metrics, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
      const ok = await fetch(metrics, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain(`kommunenett_sql_statements_total{service="${subgraph.name}"}`);
    }
  });
});

describe('no suggestions with introspection off', () => {
  it.each([
    ['a field', '{ networkz(first: 1) { totalCount } }', undefined, /"networks"/],
    ['an argument', '{ networks(frist: 1) { totalCount } }', undefined, /"first"/],
    ['an enum literal', '{ networks(first: 1, filter: { country: NOO }) { totalCount } }', undefined, /"NO"|"SE"/],
    ['an enum variable', 'query($c: Country) { networks(first: 1, filter: { country: $c }) { totalCount } }', { c: 'NOO' }, /"NO"|"SE"/],
    ['an input field', '{ networks(first: 1, filter: { countri: NO }) { totalCount } }', undefined, /"country"/],
    ['a type', 'query($c: Countri) { networks(first: 1) { totalCount } }', { c: 'NO' }, /"Country"/],
  ])('names nothing of the schema for a misspelt %s', async (_name, query, variables, suggestion) => {
    const res = await post({ query, variables });
    expect(res.status).toBe(400);
    expect(res.body.errors?.length).toBeGreaterThan(0);
    expect(messages(res.body)).not.toMatch(/did you mean/i);
    expect(messages(res.body)).not.toMatch(suggestion);
  });
});

describe('query limits read right, with codes', () => {
  it('refuses a query deeper than the limit with QUERY_TOO_DEEP', async () => {
    const res = await post({ query: '{ networks { edges { node { program { networks { edges { node { program { networks { edges { node { program { name } } } } } } } } } } } } }' });
    expect(res.status).toBe(400);
    expect(codes(res.body)).toEqual(['QUERY_TOO_DEEP']);
    expect(res.body.errors![0].message).toMatch(/^Query depth limit of 12 exceeded/);
    expect(messages(res.body)).not.toMatch(/Syntax Error/);
  });

  it('refuses a query over the cost limit with QUERY_TOO_COSTLY', async () => {
    const fields = Array.from({ length: 25 }, (_, i) => `f${i}: networks(first: 100) { edges { node { registrations(first: 100) { edges { node { person { name } } } } } } }`).join(' ');
    const res = await post({ query: `{ ${fields} }` });
    expect(res.status).toBe(400);
    expect(codes(res.body)).toEqual(['QUERY_TOO_COSTLY']);
    expect(res.body.errors![0].message).toMatch(/^Query cost limit of 500000 exceeded/);
  });

  it('refuses too many aliases, directives and tokens each with a code of its own', async () => {
    const aliases = await post({ query: `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: programs(first: 1) { totalCount }`).join(' ')} }` });
    expect(codes(aliases.body)).toEqual(['TOO_MANY_ALIASES']);
    const directives = await post({ query: `{ __typename ${'@skip(if: false) '.repeat(21)}}` });
    expect(codes(directives.body)).toContain('TOO_MANY_DIRECTIVES');
    const tokens = await post({ query: `{ ${'__typename '.repeat(4100)}}` });
    expect(codes(tokens.body)).toEqual(['TOO_MANY_TOKENS']);
    expect(tokens.body.errors![0].message).toBe('Query token limit of 4000 exceeded.');
    for (const res of [aliases, directives, tokens]) {
      expect(res.status).toBe(400);
      expect(messages(res.body)).not.toMatch(/Syntax Error/);
    }
  });

  it('reports the cost of an accepted query in extensions, growing with the page size', async () => {
    const cost = async (n: number) => {
      const res = await post({ query: `{ networks(first: ${n}) { edges { node { name registrations(first: 10) { totalCount } } } } }` }, await stack.token('ADMIN'));
      expect(res.body.errors).toBeUndefined();
      const reported = res.body.extensions?.cost as { requestedQueryCost: number; maximumQueryCost: number };
      expect(reported.maximumQueryCost).toBe(500_000);
      return reported.requestedQueryCost;
    };
    const small = await cost(1);
    expect(small).toBeGreaterThan(0);
    expect(await cost(10)).toBeGreaterThan(small * 5);
    // The same document again (validation cached) still reports its cost.
    expect(await cost(1)).toBe(small);
  });
});

describe('no 500 from any input', () => {
  it('refuses a NUL character in a string literal or a variable of every service with BAD_USER_INPUT, changing nothing', async () => {
    const admin = await stack.token('ADMIN');
    const count = async () => (await stack.graphql<{ networks: { totalCount: number } }>('{ networks(first: 1) { totalCount } }', { token: admin })).body.data!.networks.totalCount;
    const before = await count();
    const cases: { query: string; variables?: Record<string, unknown> }[] = [
      // networks: a search and a mutation
      { query: '{ networks(first: 1, filter: { search: "a\\u0000b" }) { totalCount } }' },
      { query: 'mutation($input: CreateProgramInput!) { createProgram(input: $input) { userErrors { code } } }', variables: { input: { name: 'Ny\u0000', language: 'nb', ownerIds: ['ks'] } } },
      // handbook search
      { query: 'query($q: String!) { searchHandbook(query: $q, language: nb, first: 1) { totalCount } }', variables: { q: 'korrupsjon\u0000' } },
      // participants: a nested variable
      { query: 'query($s: String) { municipalities(first: 1, search: $s) { totalCount } }', variables: { s: 'Bær\u0000um' } },
      // reports: an argument deep in a list
      { query: 'query($f: IndicatorFilter) { indicators(filter: $f) { id } }', variables: { f: { ids: ['x', '\u0000'] } } },
    ];
    for (const { query, variables } of cases) {
      const res = await post({ query, variables }, admin);
      expect(res.status).toBe(400);
      expect(codes(res.body)).toEqual(['BAD_USER_INPUT']);
      expect(res.body.errors![0].message).toMatch(/NUL character/);
    }
    expect(await count()).toBe(before);
  });

  it('refuses an impossible date with a code, not a 500', async () => {
    const admin = await stack.token('ADMIN');
    const personId = DEMO.people.baerumCoordinator;
    for (const validFrom of ['2013-13-01', '2013-02-30', '2013-00-10', '99999-01-01']) {
      const res = await post({
        query: 'mutation($input: RecordPositionInput!) { recordPosition(input: $input) { userErrors { field code } } }',
        variables: { input: { personId, title: 'Rådmann', validFrom } },
      }, admin);
      expect(res.status).toBe(200);
      expect(codes(res.body)).toEqual([]);
      const payload = (res.body.data as { recordPosition: { userErrors: { field: string[]; code: string }[] } }).recordPosition;
      expect(payload.userErrors).toContainEqual({ field: ['input', 'validFrom'], code: 'INVALID_FORMAT' });
    }
  });

  it('answers 400 to two operations without operationName and to an unknown operationName', async () => {
    const two = 'query A { networks(first: 1) { totalCount } } query B { programs(first: 1) { totalCount } }';
    const missing = await post({ query: two });
    expect(missing.status).toBe(400);
    expect(codes(missing.body)).toEqual(['OPERATION_RESOLUTION_FAILURE']);
    const unknown = await post({ query: two, operationName: 'C' });
    expect(unknown.status).toBe(400);
    expect(codes(unknown.body)).toEqual(['OPERATION_RESOLUTION_FAILURE']);
    const chosen = await post({ query: two, operationName: 'B' });
    expect(chosen.status).toBe(200);
    expect(chosen.body.data).toHaveProperty('programs');
  });
});
