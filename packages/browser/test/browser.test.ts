import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { launchBrowser, screenshot, watchOutsideRequests, type Browser } from '@kommunenett/browser';

let browser: Browser;
let server: Server;
let origin: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    res.setHeader('content-type', 'text/html');
    res.end('<!doctype html><title>t</title><p id="p">before</p><img src="https://example.invalid/x.png"><script>document.getElementById("p").textContent = "after " + (1 + 1)</script>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  server?.close();
});

it('runs a page\'s script and reports requests that leave the origin', async () => {
  const page = await browser.newPage();
  const outside = watchOutsideRequests(page, origin);
  await page.goto(origin, { waitUntil: 'load' });
  expect(await page.$eval('#p', (e) => e.textContent)).toBe('after 2');
  expect(outside).toEqual(['https://example.invalid/x.png']);
  expect(existsSync(await screenshot(page, 'browser-self-test'))).toBe(true);
  await page.close();
});

it('enforces the same-origin policy as a person\'s browser does: a page reads another origin only where CORS allows it', async () => {
  // 127.0.0.1 and localhost are two origins on one server: one answer allows the page's origin, one does not.
  const other = createServer((req, res) => {
    if (req.url === '/allowed') res.setHeader('access-control-allow-origin', origin);
    res.setHeader('content-type', 'application/json');
    res.end('{"secret":42}');
  });
  await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
  const otherOrigin = `http://localhost:${(other.address() as AddressInfo).port}`;
  const page = await browser.newPage();
  try {
    await page.goto(origin, { waitUntil: 'load' });
    const read = (url: string) => page.evaluate((u: string) => fetch(u).then((r) => r.json()).then((j) => `read ${j.secret}`, (e: Error) => `refused: ${e.name}`), url);
    expect(await read(`${otherOrigin}/allowed`)).toBe('read 42');
    expect(await read(`${otherOrigin}/not-allowed`)).toBe('refused: TypeError');
  } finally {
    await page.close();
    other.close();
  }
});
