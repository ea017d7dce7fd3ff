import { launchBrowser, screenshot, watchOutsideRequests, type Browser, type Page } from '@kommunenett/browser';
import { startTestStack, type TestStack } from '@kommunenett/stack/testing';
import { GRAPHIQL_EXAMPLES } from '../src/graphiql-examples';

/** GraphiQL as a person uses it: headless Chromium opens the page, runs queries, reads the answers from the page. */
let stack: TestStack;
let browser: Browser;
beforeAll(async () => {
  stack = await startTestStack({ gateway: { graphiql: true } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** The CodeMirror editor inside a GraphiQL element (query, variables, headers, result). */
const editorValue = (page: Page, selector: string) =>
  page.$eval(selector, (el) => (el.querySelector('.CodeMirror') as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue());

async function runAndRead(page: Page): Promise<{ data?: any; errors?: unknown[] }> {
  await page.$eval('.result-window', (el) => (el.querySelector('.CodeMirror') as unknown as { CodeMirror: { setValue(v: string): void } }).CodeMirror.setValue(''));
  await page.click('.graphiql-execute-button');
  await page.waitForFunction(() => {
    const cm = document.querySelector('.result-window .CodeMirror') as unknown as { CodeMirror: { getValue(): string } } | null;
    return !!cm && cm.CodeMirror.getValue().trim().startsWith('{');
  }, { timeout: 60_000 });
  return JSON.parse(await editorValue(page, '.result-window'));
}

describe('GraphiQL in headless Chromium', () => {
  it('runs the preloaded example as anonymous, and as ORG_ADMIN with a token in the headers, loading nothing from elsewhere', async () => {
    const page = await browser.newPage();
    const outside = watchOutsideRequests(page, stack.baseUrl);
    const failed: string[] = [];
    page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
    await page.goto(`${stack.baseUrl}/graphiql`, { waitUntil: 'load' });
    await page.waitForSelector('.graphiql-query-editor .CodeMirror', { timeout: 60_000 });
    // The schema arrives anonymously: the documentation explorer lists the Query type's fields.
    await page.waitForFunction(() => !!document.querySelector('.graphiql-execute-button'), { timeout: 60_000 });

    // One tab per role, the first the anonymous one, with how to add a token in a comment.
    const tabs = await page.$$eval('.graphiql-tab', (els) => els.length);
    expect(tabs).toBe(GRAPHIQL_EXAMPLES.length);
    const firstQuery = await editorValue(page, '.graphiql-query-editor');
    expect(firstQuery).toContain('npm run token -- --role ORG_ADMIN --org ks');
    expect(firstQuery).toContain('"Authorization": "Bearer <the token>"');

    const anonymous = await runAndRead(page);
    expect(anonymous.errors).toBeUndefined();
    expect(anonymous.data.networks.edges.map((e: any) => e.node.name)).toEqual(
      ['Antikorrupsjonsnettverk D', 'Antikorrupsjonsnettverk E', 'Nätverk för korruptionsbekämpning']);
    await screenshot(page, 'graphiql-anonymous');
    // A run just after a tab switch may carry the previous tab's operation name: the page sends the text's own.
    const sent = await page.evaluate(`withOperationName({ query: '# query Old\\nquery HostedOpenNetworks { __typename }', operationName: 'OpenNetworks' })`);
    expect(sent).toEqual({ query: '# query Old\nquery HostedOpenNetworks { __typename }', operationName: 'HostedOpenNetworks' });

    // The ORG_ADMIN tab, with the token a person would paste into the headers editor.
    const token = await stack.token('ORG_ADMIN', { org: 'ks' });
    await page.click('.graphiql-tab:nth-of-type(2) .graphiql-tab-button');
    await page.waitForFunction(() => {
      const cm = document.querySelector('.graphiql-query-editor .CodeMirror') as unknown as { CodeMirror: { getValue(): string } };
      return cm.CodeMirror.getValue().includes('HostedOpenNetworks');
    });
    const headersButton = await page.waitForSelector('xpath/.//button[normalize-space()="Headers"]');
    await headersButton!.click();
    const headersEditor = '.graphiql-editor-tool .graphiql-editor:not(.hidden)';
    await page.waitForSelector(`${headersEditor} .CodeMirror`);
    await page.$eval(headersEditor, (el, value) => (el.querySelector('.CodeMirror') as unknown as { CodeMirror: { setValue(v: string): void } }).CodeMirror.setValue(value),
      JSON.stringify({ Authorization: `Bearer ${token}` }));
    expect(await editorValue(page, headersEditor)).toContain('Bearer ey');
    const orgAdmin = await runAndRead(page);
    expect(orgAdmin.errors).toBeUndefined();
    const networks = orgAdmin.data.networks.edges.map((e: any) => e.node);
    expect(networks.map((n: any) => [n.name, n.seatsLeft, n.waitlistCount])).toEqual([['Antikorrupsjonsnettverk D', 1, 0], ['Antikorrupsjonsnettverk E', 0, 3]]);
    // Contact data is the host's to see.
    expect(networks[1].registrations.edges).toHaveLength(33);
    expect(networks[1].registrations.edges.filter((e: any) => e.node.status === 'WAITLISTED')).toHaveLength(3);
    expect(networks[1].registrations.edges.every((e: any) => /@/.test(e.node.person.email))).toBe(true);
    await screenshot(page, 'graphiql-org-admin');

    expect(failed).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });

  it('signs in with the role picker: a development token from POST /dev/token goes with every query', async () => {
    const page = await browser.newPage();
    const outside = watchOutsideRequests(page, stack.baseUrl);
    const tokenRequests: string[] = [];
    page.on('request', (r) => { if (new URL(r.url()).pathname === '/dev/token') tokenRequests.push(`${r.method()} ${r.postData()}`); });
    await page.goto(`${stack.baseUrl}/graphiql`, { waitUntil: 'load' });
    await page.waitForSelector('.graphiql-query-editor .CodeMirror', { timeout: 60_000 });
    expect(await page.$eval('#dev-role-status', (el) => el.textContent)).toBe('Anonymous');

    await page.select('#dev-role', 'ORG_ADMIN');
    await page.waitForFunction(() => document.getElementById('dev-role-status')!.textContent!.startsWith('Signed in as ORG_ADMIN'), { timeout: 30_000 });
    await page.click('.graphiql-tab:nth-of-type(2) .graphiql-tab-button');
    await page.waitForFunction(() => {
      const cm = document.querySelector('.graphiql-query-editor .CodeMirror') as unknown as { CodeMirror: { getValue(): string } };
      return cm.CodeMirror.getValue().includes('HostedOpenNetworks');
    });
    // Nothing typed under Headers: the picker's token alone makes the host's contact data visible.
    const signedIn = await runAndRead(page);
    expect(signedIn.errors).toBeUndefined();
    const waitlisted = signedIn.data.networks.edges[1].node.registrations.edges;
    expect(waitlisted).toHaveLength(33);
    expect(waitlisted.every((e: any) => /@/.test(e.node.person.email))).toBe(true);
    await screenshot(page, 'graphiql-role-picker-org-admin');

    // Back to anonymous: the same query shows no contact data.
    await page.select('#dev-role', '');
    const anonymous = await runAndRead(page);
    expect(JSON.stringify(anonymous.data ?? {})).not.toMatch(/@/);
    expect(tokenRequests).toEqual(['POST {"role":"ORG_ADMIN"}']);
    expect(outside).toEqual([]);
    await page.close();
  });

  it('sends a browser that opens /graphql to GraphiQL', async () => {
    const res = await fetch(`${stack.baseUrl}/graphql`, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' }, redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/graphiql');
    const page = await browser.newPage();
    await page.goto(`${stack.baseUrl}/graphql`, { waitUntil: 'load' });
    expect(new URL(page.url()).pathname).toBe('/graphiql');
    await page.close();
    // A GraphQL client asking for JSON still gets GraphQL's answer (here: the CSRF refusal of a bare GET).
    const api = await fetch(`${stack.baseUrl}/graphql?query=%7B__typename%7D`, { headers: { accept: 'application/json' } });
    expect(api.status).toBe(400);
  });

  it('serves every asset of the page from the installed packages', async () => {
    for (const path of ['/graphiql/react.js', '/graphiql/react-dom.js', '/graphiql/graphiql.js', '/graphiql/graphiql.css']) {
      const res = await fetch(`${stack.baseUrl}${path}`);
      expect([path, res.status]).toEqual([path, 200]);
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
  });
});
