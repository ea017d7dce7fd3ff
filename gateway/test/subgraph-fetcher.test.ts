import { createServer, type Server } from 'node:http';
import { Headers } from 'undici';
import { VIEWER_HEADER } from '@kommunenett/auth';
import { createSubgraphFetcher } from '../src/subgraph-fetcher';

let server: Server;
let url: string;
let received = 0;
beforeAll(async () => {
  server = createServer((req, res) => {
    received += 1;
    // Answer slowly so concurrent requests are in flight together.
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: { n: received } }));
    }, 50);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => { received = 0; });

const post = (fetcher: ReturnType<typeof createSubgraphFetcher>['fetcher'], body: string, viewer = 'v1') =>
  fetcher(url, { method: 'POST', body, headers: { 'content-type': 'application/json', [VIEWER_HEADER]: viewer } });

describe('subgraph fetcher', () => {
  it('sends identical in-flight queries once and gives each caller its own parsed copy', async () => {
    const { fetcher, close } = createSubgraphFetcher({ connections: 4, mergeInflight: true });
    const body = '{"query":"query Q__networks__0{networks{totalCount}}","variables":{}}';
    const responses = await Promise.all(Array.from({ length: 5 }, () => post(fetcher, body)));
    const payloads = await Promise.all(responses.map((r) => r.json() as Promise<{ data: { n: number } }>));
    expect(received).toBe(1);
    expect(payloads.map((p) => p.data.n)).toEqual([1, 1, 1, 1, 1]);
    payloads[0].data.n = 99;
    expect(payloads[1].data.n).toBe(1);
    await close();
  });

  it('never merges mutations, other viewers or other documents', async () => {
    const { fetcher, close } = createSubgraphFetcher({ connections: 4, mergeInflight: true });
    const mutation = '{"query":"mutation M__participants__0{registerParticipant(input:{}){userErrors{code}}}"}';
    await Promise.all(Array.from({ length: 3 }, () => post(fetcher, mutation)));
    expect(received).toBe(3);
    received = 0;
    const query = '{"query":"query Q{networks{totalCount}}"}';
    await Promise.all([post(fetcher, query, 'viewer-a'), post(fetcher, query, 'viewer-b'), post(fetcher, '{"query":"query Q{programs{totalCount}}"}', 'viewer-a')]);
    expect(received).toBe(3);
    await close();
  });

  it('does not merge when turned off', async () => {
    const { fetcher, close } = createSubgraphFetcher({ connections: 4, mergeInflight: false });
    const body = '{"query":"query Q{networks{totalCount}}"}';
    await Promise.all(Array.from({ length: 4 }, () => post(fetcher, body)));
    expect(received).toBe(4);
    await close();
  });
});

describe('subgraph fetcher headers', () => {
  it('keeps every header of any Headers class and asks for uncompressed answers', async () => {
    const seen: Record<string, string | string[] | undefined>[] = [];
    const echo = createServer((req, res) => { seen.push(req.headers); res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"data":{}}'); });
    await new Promise<void>((r) => echo.listen(0, '127.0.0.1', () => r()));
    const target = `http://127.0.0.1:${(echo.address() as { port: number }).port}/graphql`;
    const { fetcher, close } = createSubgraphFetcher({ connections: 2, mergeInflight: true });
    await fetcher(target, { method: 'POST', body: '{"query":"{a}"}', headers: new Headers({ [VIEWER_HEADER]: 'v', 'x-request-id': 'r1' }) });
    await fetcher(target, { method: 'POST', body: '{"query":"mutation{a}"}', headers: { [VIEWER_HEADER]: 'w', 'Content-Type': 'application/json' } });
    expect(seen[0]).toMatchObject({ [VIEWER_HEADER]: 'v', 'x-request-id': 'r1', 'accept-encoding': 'identity' });
    expect(seen[1]).toMatchObject({ [VIEWER_HEADER]: 'w', 'content-type': 'application/json', 'accept-encoding': 'identity' });
    await close();
    await new Promise<void>((r) => echo.close(() => r()));
  });
});
