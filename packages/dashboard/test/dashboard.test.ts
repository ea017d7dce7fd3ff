import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { launchBrowser, screenshot, watchOutsideRequests, type Browser, type Page } from '@kommunenett/browser';
import { DEMO } from '@kommunenett/reference-data';
import { startTestStack, type TestStack } from '@kommunenett/stack/testing';

/**
 * The dashboard in headless Chromium against the whole graph with the demo data: every page as
 * anonymous, ANALYST and ORG_ADMIN, the figures on the page against the API's own answers, the
 * language switch, axe-core, and the bad-input states. Screenshots go to .data/screenshots/.
 */
let stack: TestStack;
let browser: Browser;
let dashboard: string;

/**
 * A small OpenID Connect provider for the sign-in test: discovery metadata, an authorization
 * endpoint that sends the browser straight back with a code, and a token endpoint that answers
 * with a token the gateway accepts. It records what the dashboard sent.
 */
const CLIENT_ID = 'kommunenett-dashboard';
const issuer = { url: '', server: null as Server | null, authorize: null as URL | null, tokenRequest: null as URLSearchParams | null, accessToken: '' };
function unsignedJwt(claims: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
}
async function startIssuer(): Promise<void> {
  issuer.server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', issuer.url);
    const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type, authorization' };
    if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
    if (url.pathname === '/.well-known/openid-configuration') {
      return void res.writeHead(200, { ...cors, 'content-type': 'application/json' }).end(JSON.stringify({
        issuer: issuer.url, authorization_endpoint: `${issuer.url}/authorize`, token_endpoint: `${issuer.url}/token`,
        jwks_uri: `${issuer.url}/jwks`, response_types_supported: ['code'], code_challenge_methods_supported: ['S256'],
      }));
    }
    if (url.pathname === '/authorize') {
      issuer.authorize = url;
      const back = new URL(url.searchParams.get('redirect_uri')!);
      back.searchParams.set('code', 'code-from-the-issuer');
      back.searchParams.set('state', url.searchParams.get('state') ?? '');
      return void res.writeHead(302, { location: back.toString() }).end();
    }
    if (url.pathname === '/token') {
      let body = '';
      req.on('data', (chunk: Buffer) => { body += chunk.toString(); });
      req.on('end', () => {
        issuer.tokenRequest = new URLSearchParams(body);
        const now = Math.floor(Date.now() / 1000);
        res.writeHead(200, { ...cors, 'content-type': 'application/json' }).end(JSON.stringify({
          access_token: issuer.accessToken, token_type: 'Bearer', expires_in: 3600, scope: 'openid profile',
          id_token: unsignedJwt({ iss: issuer.url, aud: CLIENT_ID, sub: 'oidc-analyst', role: 'ANALYST', iat: now, exp: now + 3600 }),
        }));
      });
      return;
    }
    res.writeHead(404, cors).end();
  });
  await new Promise<void>((resolve) => issuer.server!.listen(0, '127.0.0.1', resolve));
  const address = issuer.server.address() as { port: number };
  issuer.url = `http://127.0.0.1:${address.port}`;
}

beforeAll(async () => {
  await startIssuer();
  [stack, browser] = await Promise.all([
    startTestStack({ gateway: { dashboardOidcClientId: CLIENT_ID, dashboardOidcIssuer: issuer.url } }),
    launchBrowser(),
  ]);
  dashboard = `${stack.baseUrl}/dashboard`;
  issuer.accessToken = await stack.token('ANALYST', { org: 'ks', sub: 'oidc-analyst' });
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await new Promise((resolve) => issuer.server?.close(resolve));
});

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A request to /graphql as the page sent it (POST with a JSON body). */
interface GraphQLRequest { operationName?: string; query?: string; variables?: Record<string, unknown>; extensions?: { persistedQuery?: { version: number; sha256Hash: string } } }
interface Opened { page: Page; outside: string[]; graphqlRequests: GraphQLRequest[] }

/** The hash of each operation in the manifest the gateway loads from the dashboard's build. */
const PERSISTED = new Map((JSON.parse(readFileSync(join(__dirname, '..', 'dist', 'persisted-queries.json'), 'utf8')) as { operations: { id: string; name: string }[] })
  .operations.map((o) => [o.name, o.id]));

/** A page's data came in at most `most` requests (one or two; more for a table of several pages), each operation (and page) once, each a persisted query: its hash, never its text. */
function expectPersistedQueries(requests: GraphQLRequest[], most = 2): void {
  expect(requests.length).toBeGreaterThan(0);
  expect(requests.length).toBeLessThanOrEqual(most);
  expect(new Set(requests.map((r) => `${r.operationName}:${String(r.variables?.after ?? '')}`)).size).toBe(requests.length);
  for (const request of requests) {
    expect(request.query).toBeUndefined();
    expect(request.extensions?.persistedQuery).toEqual({ version: 1, sha256Hash: PERSISTED.get(request.operationName!) });
  }
}

/**
 * The catalogue, and the statistics table a page of 1,000 cells at a time (the most the API gives
 * in one page), each page after the last one's end cursor: a country by municipality is one page,
 * so the page's data comes in two requests.
 */
function expectPagesRequested(requests: GraphQLRequest[], cells: number): void {
  const pages = Math.max(1, Math.ceil(cells / 1000));
  expectPersistedQueries(requests, 1 + pages);
  const statisticsRequests = requests.filter((r) => r.operationName === 'IndicatorStatistics');
  expect(statisticsRequests.map((r) => Boolean(r.variables?.after))).toEqual(Array.from({ length: pages }, (_, i) => i > 0));
}

async function open(path = '/', options: { languages?: string[] } = {}): Promise<Opened> {
  const page = await browser.newPage();
  await page.setBypassCSP(true); // lets the test inject axe-core; the app itself needs no exception
  if (options.languages) {
    await page.evaluateOnNewDocument((langs: string[]) => { Object.defineProperty(navigator, 'languages', { get: () => langs }); }, options.languages);
  }
  if (process.env.DEBUG_DASHBOARD) page.on('console', (m) => process.stderr.write(`browser: ${m.text()}\n`));
  const outside = watchOutsideRequests(page, stack.baseUrl);
  const graphqlRequests: GraphQLRequest[] = [];
  page.on('request', (r) => { if (new URL(r.url()).pathname === '/graphql') graphqlRequests.push(JSON.parse(r.postData() ?? 'null') as GraphQLRequest); });
  await page.goto(`${dashboard}${path}`, { waitUntil: 'networkidle0' });
  return { page, outside, graphqlRequests };
}

/**
 * Changes the page inside the app (a reload would forget the in-memory token), waits for its data
 * (for `shown`, what the page shows once all of it came, when given), and returns the /graphql
 * requests it sent. Without `shown` a busy machine may load the page's code for longer than the
 * network's idle time before the page asks for its data.
 */
async function go({ page, graphqlRequests }: Opened, path: string, shown?: string): Promise<GraphQLRequest[]> {
  const before = graphqlRequests.length;
  await page.evaluate((to: string) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, `/dashboard${path}`);
  if (shown) await page.waitForSelector(shown, WAIT);
  await page.waitForNetworkIdle({ idleTime: 300 });
  return graphqlRequests.slice(before);
}

async function signIn(opened: Opened, role: string): Promise<void> {
  await opened.page.select('#role-picker', role);
  await opened.page.waitForSelector(`[data-viewer-role="${role}"]`);
  await opened.page.waitForNetworkIdle({ idleTime: 300 });
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
    return axe.run();
  });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
}

const text = (page: Page, selector: string) => page.$eval(selector, (e) => (e as HTMLElement).innerText);
/** Generous waits: the machine running the tests may be busy. */
const WAIT = { timeout: 60_000 };
/** Waits for a selector; on failure leaves a screenshot of what the page showed instead. */
async function waitFor(page: Page, selector: string, name: string): Promise<void> {
  try {
    await page.waitForSelector(selector, WAIT);
  } catch (error) {
    await screenshot(page, `failed-${name}`).catch(() => undefined);
    throw error;
  }
}
/** The README's two pictures (copied from .data/screenshots/readme/ to docs/img/ by a person): 720 pixels wide. */
const README_PICTURE = { width: 720, maxHeight: 1000 };
/** A figure as the page shows it (en-GB: "1,234.5") as a number. */
const numberOf = (shown: string) => Number(shown.replace(/[^\d.-]/g, ''));

interface ProgramsAnswer {
  programs: { edges: { node: { id: string; name: string } }[] };
  networks: { edges: { node: { id: string; program: { id: string } | null } }[] };
}
interface ParticipationAnswer {
  cells: { edges: { node: { keys: { value: string }[]; participants: number | null; municipalities: number | null; suppressed: boolean } }[] };
  total: { participants: number | null; suppressed: boolean };
}

/** The overview's programmes, networks and (signed in) participation by county against the API's answers. */
async function expectOverviewAsTheApiAnswers(page: Page, token?: string): Promise<void> {
  const api = await stack.graphql<ProgramsAnswer>('{ programs(first: 50) { edges { node { id name } } } networks(first: 100) { edges { node { id program { id } } } } }', { token });
  expect(api.body.errors).toBeUndefined();
  const { programs, networks } = api.body.data!;
  expect(programs.edges.length).toBeGreaterThan(0);
  await page.waitForSelector('#programmes [data-program]', WAIT);
  expect(await page.$$eval('#programmes [data-program]', (els) => els.length)).toBe(programs.edges.length);
  for (const { node: program } of programs.edges) {
    expect(await text(page, `[data-program="${program.id}"] h3`)).toBe(program.name);
    const expected = networks.edges.filter((e) => e.node.program?.id === program.id).length;
    expect(await page.$$eval(`[data-program="${program.id}"] li a`, (links) => links.length)).toBe(expected);
  }
  if (!token) {
    await page.waitForSelector('[data-problem="signInToSee"]', WAIT);
    return;
  }
  for (const country of ['NO', 'SE']) {
    const stats = await stack.graphql<{ participationStatistics: ParticipationAnswer }>(
      `query ($country: Country!) { participationStatistics(filter: { country: $country }, groupBy: [COUNTY]) { cells(first: 100) { edges { node { keys { value } participants municipalities suppressed } } } total { participants suppressed } } }`,
      { token, variables: { country } });
    expect(stats.body.errors).toBeUndefined();
    const { cells: { edges }, total } = stats.body.data!.participationStatistics;
    const cells = edges.map((e) => e.node);
    await page.waitForSelector(`[data-country="${country}"] tfoot`, WAIT);
    expect(await page.$$eval(`[data-country="${country}"] tbody tr`, (rows) => rows.length)).toBe(cells.length);
    for (const cell of cells) {
      const shown = await page.$$eval(`[data-country="${country}"] [data-county="${cell.keys[0].value}"] td`, (tds) => tds.map((td) => (td as HTMLElement).innerText));
      expect(shown).toEqual(cell.suppressed ? ['fewer than 3', 'fewer than 3'] : [String(cell.participants), String(cell.municipalities)]);
    }
    const shownTotal = await text(page, `[data-country="${country}"] [data-county="total"] td`);
    expect(total.suppressed ? shownTotal : numberOf(shownTotal)).toEqual(total.suppressed ? 'fewer than 3' : total.participants);
  }
}

describe('anonymous', () => {
  it('opens the overview in at most two GraphQL requests, with the programmes and networks the API lists', async () => {
    const opened = await open('/');
    await expectOverviewAsTheApiAnswers(opened.page);
    expectPersistedQueries(opened.graphqlRequests);
    // The participation by county is for signed-in viewers: an anonymous visitor's page does not ask for it.
    expect(opened.graphqlRequests.map((r) => r.operationName)).toEqual(['Overview']);
    expect(opened.outside).toEqual([]);
    expect(await seriousViolations(opened.page)).toEqual([]);
    await screenshot(opened.page, 'dashboard-overview-anonymous');
    await opened.page.close();
  });

  it.each([
    ['well-formed but unknown', '00000000-0000-4000-8000-000000000000'],
    ['malformed', 'no-such-network'],
  ])('answers a %s network id with a not-found page', async (_, id) => {
    const api = await stack.graphql<{ network: unknown }>('query ($id: ID!) { network(id: $id) { id } }', { variables: { id } });
    // The API answers null, NOT_FOUND or a bad-input code: the page says "not found" for each.
    expect(api.body.data?.network ?? null).toBeNull();
    const { page } = await open(`/networks/${id}`);
    await page.waitForSelector('[data-page="not-found"]', WAIT);
    expect(await text(page, '[data-page="not-found"]')).toContain(id);
    expect(await page.$('.timeline')).toBeNull();
    await screenshot(page, `dashboard-network-not-found-${id.length}`);
    await page.close();
  });

  it.each([
    ['A', DEMO.networks.antikorrupsjonA], ['B', DEMO.networks.antikorrupsjonB], ['C', DEMO.networks.antikorrupsjonC],
  ])('draws network %s\'s gatherings as precisely as the API knows them (months as months)', async (name, id) => {
    const api = await stack.graphql<{ network: { name: string; sessions: { id: string; startsAtLocal: string | null; plannedMonth: string | null; plannedTo: string | null; datePrecision: string }[] } }>(
      `query ($id: ID!) { network(id: $id) { name sessions { id startsAtLocal plannedMonth plannedTo datePrecision } } }`, { variables: { id } });
    const network = api.body.data!.network;
    const opened = await open(`/networks/${id}`);
    const { page } = opened;
    await page.waitForSelector('.timeline');
    expect(await text(page, 'h1')).toBe(network.name);
    for (const s of network.sessions) {
      const when = await text(page, `.timeline [data-session="${s.id}"] .when`);
      if (s.datePrecision === 'EXACT') {
        const [year, month, day] = s.startsAtLocal!.slice(0, 10).split('-').map(Number);
        expect(when).toContain(`${day} ${MONTHS[month - 1]} ${year}`);
      } else if (s.datePrecision === 'MONTH' || s.datePrecision === 'MONTH_SPAN') {
        const [year, month] = s.plannedMonth!.split('-').map(Number);
        expect(when).toContain(MONTHS[month - 1]);
        expect(when).toContain(String(year));
        expect(when).not.toMatch(/\b\d{1,2} [A-Z][a-z]+ \d{4}/); // no invented day
      }
    }
    expectPersistedQueries(opened.graphqlRequests);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, `dashboard-network-${name}-anonymous`);
    await page.close();
  });

  it('opens the handbook search with highlighted snippets, and a chapter with its revision history', async () => {
    const opened = await open('/handbook?q=korrupsjon');
    const { page } = opened;
    await page.waitForSelector('.hits li');
    expectPersistedQueries(opened.graphqlRequests);
    expect(await page.$$eval('.snippet mark', (marks) => marks.length)).toBeGreaterThan(0);
    const before = opened.graphqlRequests.length;
    await page.click('.hits li a');
    await page.waitForSelector('#history .editions li');
    await page.waitForNetworkIdle({ idleTime: 300 });
    expectPersistedQueries(opened.graphqlRequests.slice(before));
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'dashboard-handbook-chapter');
    await page.close();
  });

});

describe('languages', () => {
  it('starts in the browser\'s language and switches between bokmål, Swedish and English', async () => {
    const swedish = await open('/', { languages: ['sv-SE', 'en'] });
    expect(await text(swedish.page, 'h1')).toBe('Översikt');
    expect(await swedish.page.$eval('html', (e) => e.lang)).toBe('sv');
    await swedish.page.select('#language', 'nb');
    expect(await text(swedish.page, 'h1')).toBe('Oversikt');
    await swedish.page.select('#language', 'en');
    expect(await text(swedish.page, 'h1')).toBe('Overview');
    await swedish.page.close();
    const norwegian = await open('/', { languages: ['nn-NO'] });
    expect(await text(norwegian.page, 'h1')).toBe('Oversikt');
    await screenshot(norwegian.page, 'dashboard-overview-nb');
    await norwegian.page.close();
  });
});

describe.each(['ANALYST', 'ORG_ADMIN'] as const)('%s', (role) => {
  it('sees the overview\'s programmes and the participants and municipalities by county as the API answers them', async () => {
    const token = await stack.token(role, { org: 'ks' });
    const opened = await open('/');
    await signIn(opened, role);
    await expectOverviewAsTheApiAnswers(opened.page, token);
    expect(await seriousViolations(opened.page)).toEqual([]);
    await screenshot(opened.page, `dashboard-overview-${role.toLowerCase()}`);
    if (role === 'ANALYST') await screenshot(opened.page, 'readme/dashboard-overview', README_PICTURE);
    await opened.page.close();
  });
});

type StatisticsCell = { municipality: { id: string; name: string } | null; value: number | null; perThousandInhabitants: number | null; suppressed: boolean };
interface StatisticsAnswer { statistics: { suppressionThreshold: number; cells: StatisticsCell[] } }
const STATISTICS = `query ($indicator: ID!, $period: String!, $after: String) { statistics(indicators: [$indicator], filter: { country: NO, periods: [$period] }, groupBy: [MUNICIPALITY]) {
  suppressionThreshold cells(first: 100, after: $after) { edges { node { municipality { id name } value perThousandInhabitants suppressed } } pageInfo { hasNextPage endCursor } } } }`;
type StatisticsPage = { statistics: { suppressionThreshold: number; cells: { edges: { node: StatisticsCell }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } };

/** Every cell of the table, page after page, as a client reads it. */
async function allStatistics(token: string, variables: Record<string, unknown>): Promise<StatisticsAnswer> {
  const cells: StatisticsCell[] = [];
  for (let after: string | null = null; ;) {
    const res = await stack.graphql<StatisticsPage>(STATISTICS, { token, variables: { ...variables, after } });
    expect(res.body.errors).toBeUndefined();
    const { suppressionThreshold, cells: page } = res.body.data!.statistics;
    cells.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) return { statistics: { suppressionThreshold, cells } };
    after = page.pageInfo.endCursor;
  }
}

describe('ANALYST statistics', () => {
  it('shows an indicator by municipality as the API answers it, Bærum 2022 as "fewer than 3", and a CSV of exactly what is shown', async () => {
    const token = await stack.token('ANALYST', { org: 'ks' });
    const catalogue = await stack.graphql<{ indicators: { id: string; periods: string[] }[] }>('{ indicators { id periods } }', { token });
    // The indicator whose Bærum 2022 cell the API suppresses (found from the API's own answers).
    let chosen: { indicator: string; answer: StatisticsAnswer['statistics'] } | null = null;
    for (const indicator of catalogue.body.data!.indicators.filter((i) => i.periods.includes('2022'))) {
      const answer = await allStatistics(token, { indicator: indicator.id, period: '2022' });
      const baerum = answer.statistics.cells.find((c) => c.municipality?.name.startsWith('Bærum'));
      if (baerum?.suppressed) { chosen = { indicator: indicator.id, answer: answer.statistics }; break; }
    }
    expect(chosen).not.toBeNull();
    const { indicator, answer } = chosen!;
    const opened = await open('/');
    await signIn(opened, 'ANALYST');
    const requests = await go(opened, `/statistics?indicator=${indicator}&period=2022&level=municipality&country=NO`, '[data-table="statistics"] tbody tr');
    const { page } = opened;
    expectPagesRequested(requests, answer.cells.length);
    const rows = await page.$$eval('[data-table="statistics"] tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c as HTMLElement).innerText)));
    expect(rows.length).toBe(answer.cells.length);
    const fewer = `fewer than ${answer.suppressionThreshold}`;
    for (const cell of answer.cells) {
      const row = rows.find((r) => r[0] === cell.municipality!.name)!;
      expect(row).toBeDefined();
      if (cell.suppressed) {
        expect(row.slice(1, 3)).toEqual([fewer, fewer]);
      } else {
        expect(numberOf(row[1])).toBeCloseTo(cell.value!, 1);
        if (cell.perThousandInhabitants !== null) expect(numberOf(row[2])).toBeCloseTo(cell.perThousandInhabitants, 2);
      }
    }
    const baerum = rows.find((r) => r[0].startsWith('Bærum'))!;
    expect(baerum[1]).toBe(fewer);
    expect(baerum[1]).not.toMatch(/^0/);
    // The CSV behind the download link, read by an independent parser: the table, row for row.
    const link = await page.$eval('a[download]', (a) => (a as HTMLAnchorElement).href);
    const csv = parseCsv(decodeURIComponent(link.slice(link.indexOf(',') + 1)), { bom: true }) as string[][];
    expect(csv.length).toBe(rows.length + 1);
    rows.forEach((row, i) => {
      const line = csv[i + 1];
      expect(line[0]).toBe(row[0]);
      expect(line[1]).toBe('2022');
      for (const [shown, written] of [[row[1], line[2]], [row[2], line[3]]]) {
        if (shown.startsWith('fewer')) expect(written).toBe(shown);
        else if (shown === '–') expect(written).toBe('');
        else expect(Number(written)).toBe(numberOf(shown));
      }
    });
    await page.waitForSelector('.chart svg', WAIT);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'dashboard-statistics-analyst');
    await screenshot(page, 'readme/dashboard-statistics', README_PICTURE);
    await page.close();
  });

  it('shows a table of several pages whole: every municipality in the table and the CSV', async () => {
    const token = await stack.token('ANALYST', { org: 'ks' });
    const indicator = 'management-practice-employer';
    const answer = await allStatistics(token, { indicator, period: '2013' });
    expect(answer.statistics.cells.length).toBeGreaterThan(300);
    const opened = await open('/');
    await signIn(opened, 'ANALYST');
    const requests = await go(opened, `/statistics?indicator=${indicator}&period=2013&level=municipality&country=NO`, '[data-table="statistics"] tbody tr');
    const { page } = opened;
    expectPagesRequested(requests, answer.statistics.cells.length);
    const rows = await page.$$eval('[data-table="statistics"] tbody tr', (trs) => trs.map((tr) => (tr as HTMLElement).dataset.row));
    expect(rows).toEqual(answer.statistics.cells.map((c) => c.municipality!.id));
    const link = await page.$eval('a[download]', (a) => (a as HTMLAnchorElement).href);
    expect((parseCsv(decodeURIComponent(link.slice(link.indexOf(',') + 1)), { bom: true }) as string[][]).length).toBe(rows.length + 1);
    await opened.page.close();
  });

  it('says there is no data for a period the indicator has none for', async () => {
    const token = await stack.token('ANALYST', { org: 'ks' });
    const catalogue = await stack.graphql<{ indicators: { id: string }[] }>('{ indicators { id } }', { token });
    const indicator = catalogue.body.data!.indicators[0].id;
    const answer = await allStatistics(token, { indicator, period: '1990' });
    expect(answer.statistics.cells).toEqual([]);
    const opened = await open('/');
    await signIn(opened, 'ANALYST');
    await go(opened, `/statistics?indicator=${indicator}&period=1990&level=municipality&country=NO`);
    await opened.page.waitForSelector('[data-problem="noData"]', WAIT);
    expect(await text(opened.page, '[data-problem="noData"]')).toContain('1990');
    expect(await opened.page.$('[data-table="statistics"]')).toBeNull();
    await opened.page.close();
  });

  it('explains a question refused for its cost and offers a narrower one', async () => {
    const token = await stack.token('ANALYST', { org: 'ks' });
    // The gateway's own refusal of a question too large for it, answered to the page's request.
    const refused = await stack.graphql('{ networks(first: 1000) { edges { node { registrations(first: 1000) { edges { node { id status municipality { id name } } } } } } } }', { token });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    const opened = await open('/');
    await signIn(opened, 'ANALYST');
    const { page } = opened;
    await page.setRequestInterception(true);
    page.on('request', (r) => {
      const sent = new URL(r.url()).pathname === '/graphql' ? JSON.parse(r.postData() ?? 'null') as GraphQLRequest : null;
      if (sent?.operationName === 'IndicatorStatistics' && JSON.stringify(sent.variables?.groupBy) === '["MUNICIPALITY"]') {
        return void r.respond({ status: refused.status, contentType: refused.headers.get('content-type') ?? 'application/json', body: JSON.stringify(refused.body) });
      }
      return void r.continue();
    });
    await go(opened, '/statistics?period=2022&level=municipality&country=NO');
    await page.waitForSelector('[data-problem="cost"]', WAIT);
    expect(await text(page, '[data-problem="cost"]')).toContain('Narrow');
    await page.click('[data-narrow="county"]');
    await waitFor(page, '[data-table="statistics"] tbody tr', 'cost-narrowed');
    expect(await page.$('[data-problem="cost"]')).toBeNull();
    expect(await page.$eval('form label:nth-of-type(3) select', (s) => (s as HTMLSelectElement).value)).toBe('county');
    await page.close();
  });
});

describe('outcomes', () => {
  interface Group { mean: number | null; municipalityCount: number; suppressed: boolean }
  interface ApiComparison {
    periods: { period: string; difference: number | null; participants: Group; others: Group }[];
    estimate: { participants: number; others: number; value: number | null; lower: number | null; upper: number | null; suppressed: boolean } | null;
    sources: { provenance: string; valueCount: number }[];
  }

  it('shows taking part against not taking part, the estimate with its interval and group sizes, as the API gives them', async () => {
    const token = await stack.token('ANALYST', { org: 'ks' });
    const program = DEMO.programs.antikorrupsjon2013;
    const indicator = 'citizen-survey-score';
    const opened = await open('/');
    await signIn(opened, 'ANALYST');
    const requests = await go(opened, `/outcomes?program=${program}&indicator=${indicator}`, '[data-table="outcomes"] tbody tr');
    const { page } = opened;
    expectPersistedQueries(requests);
    const periods = (await stack.graphql<{ indicators: { id: string; periods: string[] }[] }>('{ indicators { id periods } }', { token })).body.data!.indicators.find((i) => i.id === indicator)!.periods;
    const api = await stack.graphql<{ program: { indicatorComparison: ApiComparison } }>(
      `query ($program: ID!, $indicator: ID!, $periods: [String!]!) { program(id: $program) { indicatorComparison(indicator: $indicator, periods: $periods) {
        periods { period difference participants { mean municipalityCount suppressed } others { mean municipalityCount suppressed } }
        estimate { participants others value lower upper suppressed } sources { provenance valueCount } } } }`,
      { token, variables: { program, indicator, periods } });
    expect(api.body.errors).toBeUndefined();
    const comparison = api.body.data!.program.indicatorComparison;
    const expected = comparison.periods;
    expect(await page.$$eval('[data-table="outcomes"] tbody tr', (trs) => trs.length)).toBe(expected.length);
    for (const p of expected) {
      const cells = await page.$$eval(`[data-period="${p.period}"] td`, (tds) => tds.map((td) => (td as HTMLElement).innerText));
      const mean = (group: Group, shown: string) => (group.suppressed ? expect(shown).toBe('fewer than 3')
        : group.mean === null ? expect(shown).toBe('–') : expect(numberOf(shown)).toBeCloseTo(group.mean, 2));
      mean(p.participants, cells[0]);
      expect(numberOf(cells[1])).toBe(p.participants.municipalityCount);
      mean(p.others, cells[2]);
      expect(numberOf(cells[3])).toBe(p.others.municipalityCount);
      if (p.difference === null) expect(cells[4]).toBe('–');
      else expect(numberOf(cells[4])).toBeCloseTo(p.difference, 2);
    }
    // The estimate over the first and last period: group sizes, value and interval as the API gives them.
    const estimate = comparison.estimate!;
    expect(estimate.suppressed).toBe(false);
    const row = (name: string) => page.$eval(`[data-table="estimate"] [data-row="${name}"] td`, (td) => (td as HTMLElement).innerText);
    expect(numberOf(await row('participants'))).toBe(estimate.participants);
    expect(numberOf(await row('others'))).toBe(estimate.others);
    expect(numberOf(await row('estimate'))).toBeCloseTo(estimate.value!, 2);
    const [lower, upper] = (await row('interval')).split(' to ').map(numberOf);
    expect(lower).toBeCloseTo(estimate.lower!, 2);
    expect(upper).toBeCloseTo(estimate.upper!, 2);
    // The demo's values are generated, and the page says so.
    const generated = comparison.sources.find((x) => x.provenance === 'GENERATED')!.valueCount;
    expect(numberOf(await text(page, '[data-provenance="GENERATED"]'))).toBe(generated);
    await page.waitForSelector('.chart svg', WAIT);
    await page.waitForSelector('[data-chart="interval"] svg', WAIT);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'dashboard-outcomes-analyst');
    // A programme in which too few municipalities took part: the API refuses, and the page says why.
    await go(opened, `/outcomes?program=${DEMO.programs.saman2013}&indicator=${indicator}`);
    await waitFor(page, '[data-problem="tooFewToCompare"]', 'outcomes-too-few');
    expect(await text(page, '[data-problem="tooFewToCompare"]')).toContain('at least 3');
    expect(await page.$('[data-table="estimate"]')).toBeNull();
    await page.close();
  });
});

describe('ORG_ADMIN', () => {
  it('sees network A\'s registrations by status and county as the API answers them', async () => {
    const token = await stack.token('ORG_ADMIN', { org: 'ks' });
    const id = DEMO.networks.antikorrupsjonA;
    const api = await stack.graphql<{ network: { registrations: { edges: { node: { status: string } }[] }; registrantsByCounty: { countyCode: string; participantCount: number | null; suppressed: boolean }[] } }>(
      `query ($id: ID!) { network(id: $id) { registrations(first: 100) { edges { node { status } } } registrantsByCounty { countyCode participantCount suppressed } } }`, { token, variables: { id } });
    expect(api.body.errors).toBeUndefined();
    const opened = await open('/');
    await signIn(opened, 'ORG_ADMIN');
    const requests = await go(opened, `/networks/${id}`, '#by-status');
    expectPersistedQueries(requests);
    const { page } = opened;
    const confirmed = api.body.data!.network.registrations.edges.filter((e) => e.node.status === 'CONFIRMED').length;
    expect(await text(page, '[data-status="CONFIRMED"] td')).toBe(String(confirmed));
    for (const county of api.body.data!.network.registrantsByCounty) {
      expect(await text(page, `[data-county="${county.countyCode}"] td`)).toBe(county.suppressed ? 'fewer than 3' : String(county.participantCount));
    }
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'dashboard-network-A-org-admin');
    await page.close();
  });
});

describe('bad input', () => {
  it('keeps showing cached data marked stale with a retry banner while the gateway is unreachable', async () => {
    const opened = await open('/');
    const { page } = opened;
    await page.waitForSelector('#programmes [data-program]', WAIT);
    let unreachable = true;
    await page.setRequestInterception(true);
    page.on('request', (r) => (unreachable && new URL(r.url()).pathname === '/graphql' ? void r.abort('connectionrefused') : void r.continue()));
    await go(opened, '/statistics');
    await go(opened, '/');
    await waitFor(page, '[data-problem="unreachable"] button', 'unreachable');
    await page.waitForSelector('.stale #programmes [data-program]', WAIT);
    expect(await text(page, '[data-problem="unreachable"]')).toContain('out of date');
    await screenshot(page, 'dashboard-unreachable');
    unreachable = false;
    await page.click('[data-problem="unreachable"] button');
    await page.waitForFunction(() => !document.querySelector('[data-problem="unreachable"]') && !document.querySelector('.stale'), WAIT);
    expect(await page.$$eval('#programmes [data-program]', (els) => els.length)).toBeGreaterThan(0);
    await page.close();
  });

  it('draws a page whose persisted query the gateway does not know, by sending its text once', async () => {
    const page = await browser.newPage();
    const sent: GraphQLRequest[] = [];
    await page.setRequestInterception(true);
    page.on('request', (r) => {
      if (new URL(r.url()).pathname !== '/graphql') return void r.continue();
      const body = JSON.parse(r.postData() ?? 'null') as GraphQLRequest;
      sent.push(body);
      // A gateway without the dashboard's manifest: the hash alone is not enough.
      if (!body.query) return void r.respond({ status: 200, contentType: 'application/json', body: JSON.stringify({ errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] }) });
      return void r.continue();
    });
    await page.goto(`${dashboard}/handbook?q=korrupsjon`, { waitUntil: 'networkidle0' });
    await page.waitForSelector('.hits li', WAIT);
    // The text went once, under the manifest's hash (the gateway checked it is the text's hash).
    expect(sent.filter((r) => r.query).map((r) => r.operationName)).toEqual(['HandbookSearch']);
    for (const r of sent) expect(r.extensions?.persistedQuery?.sha256Hash).toBe(PERSISTED.get(r.operationName!));
    expect(await page.$$eval('.snippet mark', (marks) => marks.length)).toBeGreaterThan(0);
    await page.close();
  });

  it('asks to sign in again when the token has expired, and signing in again brings the data back', async () => {
    const expired = await stack.token('ANALYST', { org: 'ks' }, Math.floor(Date.now() / 1000) - 3600);
    const opened = await open('/');
    const { page } = opened;
    let expiredTokens = true;
    await page.setRequestInterception(true);
    page.on('request', (r) => (expiredTokens && new URL(r.url()).pathname === '/dev/token'
      ? void r.respond({ status: 200, contentType: 'application/json', body: JSON.stringify({ token: expired, claims: { role: 'ANALYST' } }) })
      : void r.continue()));
    await page.select('#role-picker', 'ANALYST');
    await page.waitForSelector('[data-problem="expired"]');
    expect(await text(page, '[data-problem="expired"]')).toContain('sign in again');
    expect(await page.$('[data-viewer-role]')).toBeNull();
    await screenshot(page, 'dashboard-expired');
    expiredTokens = false;
    await signIn(opened, 'ANALYST');
    await page.waitForSelector('[data-country="NO"] tfoot', WAIT);
    expect(await page.$('[data-problem="expired"]')).toBeNull();
    await page.close();
  });
});

describe('OpenID Connect sign-in', () => {
  it('redirects to the issuer of /dashboard/config.json with code and PKCE, and keeps the token in memory only', async () => {
    const config = await (await fetch(`${dashboard}/config.json`)).json() as { oidc: { authority: string; clientId: string } };
    expect(config.oidc).toMatchObject({ authority: issuer.url, clientId: CLIENT_ID });
    const page = await browser.newPage(); // no CSP bypass: the policy must let the app reach the issuer
    await page.goto(`${dashboard}/statistics?period=2022`, { waitUntil: 'networkidle0' });
    await page.click('[data-sign-in="oidc"]');
    await page.waitForSelector('[data-viewer-role="ANALYST"]', WAIT);
    const authorize = issuer.authorize!;
    expect(authorize.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(authorize.searchParams.get('response_type')).toBe('code');
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${dashboard}/callback`);
    expect(authorize.searchParams.get('scope')?.split(' ')).toContain('openid');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    const verifier = issuer.tokenRequest!.get('code_verifier')!;
    expect(issuer.tokenRequest!.get('grant_type')).toBe('authorization_code');
    expect(issuer.tokenRequest!.get('code')).toBe('code-from-the-issuer');
    expect(createHash('sha256').update(verifier).digest('base64url')).toBe(authorize.searchParams.get('code_challenge'));
    // Back where the sign-in started, the API answering as the signed-in analyst.
    await page.waitForFunction(() => location.pathname === '/dashboard/statistics', WAIT);
    await waitFor(page, '[data-table="statistics"] tbody tr', 'oidc-statistics');
    const stored = await page.evaluate(() => JSON.stringify([{ ...localStorage }, { ...sessionStorage }, document.cookie]));
    expect(stored).not.toContain(issuer.accessToken);
    expect(stored).not.toContain(issuer.accessToken.split('.')[1]);
    await page.close();
  });
});
