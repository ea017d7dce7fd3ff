import { readFileSync } from 'node:fs';
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
beforeAll(async () => {
  [stack, browser] = await Promise.all([startTestStack(), launchBrowser()]);
  dashboard = `${stack.baseUrl}/dashboard`;
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

interface Opened { page: Page; outside: string[]; graphqlRequests: string[] }

async function open(path = '/', options: { languages?: string[] } = {}): Promise<Opened> {
  const page = await browser.newPage();
  await page.setBypassCSP(true); // lets the test inject axe-core; the app itself needs no exception
  if (options.languages) {
    await page.evaluateOnNewDocument((langs: string[]) => { Object.defineProperty(navigator, 'languages', { get: () => langs }); }, options.languages);
  }
  const outside = watchOutsideRequests(page, stack.baseUrl);
  const graphqlRequests: string[] = [];
  page.on('request', (r) => { if (new URL(r.url()).pathname === '/graphql') graphqlRequests.push(r.postData() ?? r.url()); });
  await page.goto(`${dashboard}${path}`, { waitUntil: 'networkidle0' });
  return { page, outside, graphqlRequests };
}

/** Changes the page inside the app (a reload would forget the in-memory token) and waits for its data. */
async function go({ page, graphqlRequests }: Opened, path: string): Promise<number> {
  const before = graphqlRequests.length;
  await page.evaluate((to: string) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, `/dashboard${path}`);
  await page.waitForNetworkIdle({ idleTime: 300 });
  return graphqlRequests.length - before;
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

describe('anonymous', () => {
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
    expect(opened.graphqlRequests.length).toBeLessThanOrEqual(2);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, `dashboard-network-${name}-anonymous`);
    await page.close();
  });

  it('opens the handbook search with highlighted snippets, and a chapter with its revision history', async () => {
    const opened = await open('/handbook?q=korrupsjon');
    const { page } = opened;
    await page.waitForSelector('.hits li');
    expect(await page.$$eval('.snippet mark', (marks) => marks.length)).toBeGreaterThan(0);
    await page.click('.hits li a');
    await page.waitForSelector('#history .editions li');
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

describe('ORG_ADMIN', () => {
  it('sees network A\'s registrations by status and county as the API answers them', async () => {
    const token = await stack.token('ORG_ADMIN', { org: 'ks' });
    const id = DEMO.networks.antikorrupsjonA;
    const api = await stack.graphql<{ network: { registrations: { edges: { node: { status: string } }[] }; registrantsByCounty: { countyCode: string; participantCount: number }[] } }>(
      `query ($id: ID!) { network(id: $id) { registrations(first: 100) { edges { node { status } } } registrantsByCounty { countyCode participantCount } } }`, { token, variables: { id } });
    expect(api.body.errors).toBeUndefined();
    const opened = await open('/');
    await signIn(opened, 'ORG_ADMIN');
    const requests = await go(opened, `/networks/${id}`);
    expect(requests).toBeLessThanOrEqual(2);
    const { page } = opened;
    await page.waitForSelector('#by-status');
    const confirmed = api.body.data!.network.registrations.edges.filter((e) => e.node.status === 'CONFIRMED').length;
    expect(await text(page, '[data-status="CONFIRMED"] td')).toBe(String(confirmed));
    for (const county of api.body.data!.network.registrantsByCounty) {
      expect(await text(page, `[data-county="${county.countyCode}"] td`)).toBe(String(county.participantCount));
    }
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'dashboard-network-A-org-admin');
    await page.close();
  });
});

describe('bad input', () => {
  it('asks to sign in again when the token has expired', async () => {
    const expired = await stack.token('ANALYST', { org: 'ks' }, Math.floor(Date.now() / 1000) - 3600);
    const opened = await open('/');
    const { page } = opened;
    await page.setRequestInterception(true);
    page.on('request', (r) => (new URL(r.url()).pathname === '/dev/token'
      ? void r.respond({ status: 200, contentType: 'application/json', body: JSON.stringify({ token: expired, claims: { role: 'ANALYST' } }) })
      : void r.continue()));
    await page.select('#role-picker', 'ANALYST');
    await page.waitForSelector('[data-problem="expired"]');
    expect(await page.$('[data-viewer-role]')).toBeNull();
    await screenshot(page, 'dashboard-expired');
    await page.close();
  });
});
