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
