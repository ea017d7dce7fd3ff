/**
 * `pnpm bench:dashboard [--scale N] [--runs R]`: how long each page of the dashboard takes to
 * render on the benchmark's volume data, in headless Chromium against the stack as processes
 * (the same ports, data folder and volume as `pnpm bench`). Writes
 * bench/results/dashboard-scale-<N>.{json,md} and its section of docs/performance.md.
 *
 * A page's render time is measured inside the page: from the in-app change of page (the app
 * already loaded and signed in, nothing of that page in the cache) until its data is drawn
 * (tables filled, chart drawn). The overview is also measured as a first load: from navigation
 * start, JavaScript included, until the programmes are drawn.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser, screenshot, type Browser, type Page } from '@kommunenett/browser';
import { REPO_ROOT, startStackProcesses } from '@kommunenett/stack';
import { benchDataDir, benchStackEnv, updatePerformanceDoc } from './bench-stack';
import { seedVolume } from './volume';

interface MeasuredPage {
  name: string;
  /** Path under /dashboard; `firstLoad` pages are opened with a fresh navigation. */
  path: string;
  role: 'ANALYST' | 'ORG_ADMIN' | null;
  firstLoad?: boolean;
  /** A JavaScript expression, true once the page's data is drawn. */
  ready: string;
  /** A JavaScript expression: how many rows, items or marks the page drew (what "large" means here). */
  drawn: string;
}

/** A page not drawn within `TIMEOUT_MS` has no times: it is reported as such, and not run again. */
interface PageResult { name: string; path: string; role: string; runs: number[]; medianMs: number | null; maxMs: number | null; graphqlRequests: number | null; drawn: number | null; notDrawnWithinMs?: number }

const TIMEOUT_MS = 60_000;

const count = (selector: string) => `document.querySelectorAll(${JSON.stringify(selector)}).length`;
const present = (...selectors: string[]) => selectors.map((s) => `!!document.querySelector(${JSON.stringify(s)})`).join(' && ');

async function graphql<T>(url: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (!body.data || body.errors) throw new Error(`${query}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** The pages, with the largest data the volume offers where there is a choice. */
async function pagesToMeasure(gatewayUrl: string, networkIds: string[]): Promise<MeasuredPage[]> {
  // The pages that show participation statistics (the organiser's registrants by county, the
  // signed-in overview) come last: at scale 1 they keep the participants service busy for
  // minutes, which would slow every page measured after them.
  // The organiser's page of the network with the most registrations among the first volume networks hosted by KS.
  let network = { id: networkIds[0], registrations: -1 };
  for (const id of networkIds.slice(0, 40)) {
    const { network: n } = await graphql<{ network: { hosts: { id: string }[]; participantCount: number | null } | null }>(gatewayUrl,
      'query ($id: ID!) { network(id: $id) { hosts { id } participantCount } }', { id });
    if (n?.hosts.some((h) => h.id === 'ks') && (n.participantCount ?? 0) > network.registrations) network = { id, registrations: n.participantCount ?? 0 };
  }
  const { indicators } = await graphql<{ indicators: { id: string; periods: string[] }[] }>(gatewayUrl, '{ indicators { id periods } }');
  const indicator = indicators.find((i) => i.periods.includes('2022')) ?? indicators[0];
  const period = indicator.periods.includes('2022') ? '2022' : indicator.periods[indicator.periods.length - 1];
  const { searchHandbook } = await graphql<{ searchHandbook: { edges: { node: { chapter: { id: string } } }[] } }>(gatewayUrl,
    '{ searchHandbook(query: "korrupsjon", language: nb, first: 1) { edges { node { chapter { id } } } } }');
  const chapter = searchHandbook.edges[0]?.node.chapter.id;
  const statistics = (level: string) => `/statistics?indicator=${indicator.id}&period=${period}&level=${level}&country=NO`;
  const table = '[data-table="statistics"] tbody tr';
  return [
    { name: 'Overview, first load (anonymous)', path: '/', role: null, firstLoad: true, ready: present('#programmes [data-program]'), drawn: count('#programmes li a') },
    { name: 'Network, public part (anonymous)', path: `/networks/${network.id}`, role: null, ready: present('.timeline'), drawn: count('.timeline [data-session]') },
    { name: 'Statistics by municipality', path: statistics('municipality'), role: 'ANALYST', ready: present(table, '.chart svg'), drawn: count(table) },
    { name: 'Statistics by county', path: statistics('county'), role: 'ANALYST', ready: `${present(table, '.chart svg')} && /County/.test(document.querySelector('[data-table="statistics"] caption')?.textContent ?? '')`, drawn: count(table) },
    { name: 'Outcomes', path: '/outcomes', role: 'ANALYST', ready: present('[data-table="outcomes"] tbody tr', '.chart svg'), drawn: count('[data-table="outcomes"] tbody tr') },
    { name: 'Handbook search', path: '/handbook?q=korrupsjon', role: 'ANALYST', ready: present('.hits li'), drawn: count('.hits li') },
    ...(chapter ? [{ name: 'Handbook chapter', path: `/handbook/chapters/${chapter}`, role: 'ANALYST' as const, ready: present('#history .editions li'), drawn: count('#history .editions li') }] : []),
    { name: 'Network with registrations by county (organiser)', path: `/networks/${network.id}`, role: 'ORG_ADMIN', ready: present('.timeline', '#by-status'), drawn: count('.timeline [data-session]') },
    { name: 'Overview with participation by county', path: '/', role: 'ANALYST', ready: present('#programmes [data-program]', '[data-country="SE"] tfoot'), drawn: count('#programmes li a') },
  ];
}

/** One run of one page in a fresh browser page: nothing cached, the token only in that page's memory. */
async function measureOnce(browser: Browser, dashboard: string, target: MeasuredPage): Promise<{ ms: number; graphqlRequests: number; drawn: number }> {
  const page: Page = await browser.newPage();
  try {
    let graphqlRequests = 0;
    let counting = false;
    page.on('request', (r) => { if (counting && new URL(r.url()).pathname === '/graphql') graphqlRequests += 1; });
    const wait = { timeout: TIMEOUT_MS, polling: 'raf' as const };
    if (target.firstLoad) {
      counting = true;
      await page.goto(`${dashboard}${target.path}`);
      await page.waitForFunction(target.ready, wait);
      const ms = await page.evaluate('performance.now()') as number;
      return { ms, graphqlRequests, drawn: await page.evaluate(target.drawn) as number };
    }
    // A page without data of its own to start from; sign in there, then change page inside the app.
    await page.goto(`${dashboard}/handbook`, { waitUntil: 'networkidle0' });
    if (target.role) {
      await page.select('#role-picker', target.role);
      await page.waitForSelector(`[data-viewer-role="${target.role}"]`, { timeout: 60_000 });
      await page.waitForNetworkIdle({ idleTime: 300 });
    }
    counting = true;
    await page.evaluate(`window.__renderStarted = performance.now(); history.pushState(null, '', ${JSON.stringify(`/dashboard${target.path}`)}); dispatchEvent(new PopStateEvent('popstate'));`);
    await page.waitForFunction(target.ready, wait);
    const ms = await page.evaluate('performance.now() - window.__renderStarted') as number;
    await page.waitForNetworkIdle({ idleTime: 300 });
    return { ms, graphqlRequests, drawn: await page.evaluate(target.drawn) as number };
  } catch (error) {
    const path = await screenshot(page, `bench-dashboard-failed-${target.path.split(/[/?]/)[1] || 'overview'}`).catch(() => 'no screenshot');
    throw new Error(`${target.name} (${target.path}) was not drawn: ${String(error)}; see ${path}`);
  } finally {
    await page.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const round = (ms: number) => Math.round(ms);

function toMarkdown(report: { date: string; scale: number; database: string; runs: number; pages: PageResult[] }): string {
  return [
    `Scale ${report.scale}, ${report.database} database, ${report.date.slice(0, 10)}: ${report.runs} runs per page, each in a fresh page with nothing cached.`,
    '',
    '| page | signed in as | median ms | slowest ms | GraphQL requests | rows or items drawn |',
    '|---|---|---:|---:|---:|---:|',
    ...report.pages.map((p) => (p.notDrawnWithinMs
      ? `| ${p.name} | ${p.role} | not drawn within ${p.notDrawnWithinMs / 1000} s | | | |`
      : `| ${p.name} | ${p.role} | ${p.medianMs} | ${p.maxMs} | ${p.graphqlRequests} | ${p.drawn!.toLocaleString('en')} |`)),
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' }, runs: { type: 'string', default: '5' } } });
  const scale = Number(values.scale);
  const runs = Number(values.runs);
  const env = await benchStackEnv(scale);
  console.log(`kommunenett dashboard render times — scale ${scale}, ${runs} runs per page, ${env.DATABASE_URL ? 'PostgreSQL' : 'embedded database'}`);
  const stack = await startStackProcesses(process.env, { dataDir: benchDataDir(scale), env, log: (line) => { if (/error|fatal|exited/.test(line)) console.log(line); } });
  let browser: Browser | undefined;
  try {
    const volume = await seedVolume(stack.databaseUrl, scale, (msg) => console.log(`  ${msg}`));
    const dashboard = `${new URL(stack.gatewayUrl).origin}/dashboard`;
    const pages = await pagesToMeasure(stack.gatewayUrl, volume.networkIds);
    browser = await launchBrowser();
    const results: PageResult[] = [];
    for (const target of pages) {
      // Once unmeasured first: the gateway's query plan, the subgraphs' JIT and the database's pages warm.
      try {
        await measureOnce(browser, dashboard, target);
      } catch (error) {
        console.log(`  ${target.name.padEnd(50)} not drawn within ${TIMEOUT_MS / 1000} s (${String(error).split('\n')[0]})`);
        results.push({ name: target.name, path: target.path, role: target.role ?? 'anonymous', runs: [], medianMs: null, maxMs: null, graphqlRequests: null, drawn: null, notDrawnWithinMs: TIMEOUT_MS });
        continue;
      }
      const measured = [];
      for (let i = 0; i < runs; i++) measured.push(await measureOnce(browser, dashboard, target));
      const ms = measured.map((m) => round(m.ms));
      const result = {
        name: target.name, path: target.path, role: target.role ?? 'anonymous', runs: ms, medianMs: median(ms), maxMs: Math.max(...ms),
        graphqlRequests: Math.max(...measured.map((m) => m.graphqlRequests)), drawn: measured[measured.length - 1].drawn,
      };
      results.push(result);
      console.log(`  ${target.name.padEnd(50)} median ${result.medianMs} ms, slowest ${result.maxMs} ms, ${result.graphqlRequests} requests, ${result.drawn} drawn`);
    }
    const report = { date: new Date().toISOString(), scale, database: env.DATABASE_URL ? 'postgresql' : 'embedded', runs, volume: volume.counts, pages: results };
    const name = `dashboard-scale-${scale}${env.DATABASE_URL ? '-postgres' : ''}`;
    const outDir = join(REPO_ROOT, 'bench', 'results');
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
    const markdown = toMarkdown(report);
    writeFileSync(join(outDir, `${name}.md`), markdown);
    updatePerformanceDoc(name, markdown);
    console.log(`\n${markdown}`);
  } finally {
    await browser?.close();
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
