import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import chromium from '@sparticuz/chromium';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export type { Browser, Page } from 'puppeteer-core';

/**
 * Flags of `@sparticuz/chromium`'s defaults (made for serverless functions) that switch off what
 * a person's browser enforces: the same-origin policy and CORS, blocking of mixed content, site
 * isolation. A page that works only without them would pass here and fail for its users.
 */
const WEAKER_THAN_A_PERSONS_BROWSER = new Set(['--disable-web-security', '--allow-running-insecure-content', '--disable-site-isolation-trials']);

/**
 * Chromium for the browser tests. The binary ships inside the `@sparticuz/chromium` npm package
 * (unpacked to the temp folder on first use), so a machine with only Node.js runs the same browser
 * tests as CI; `CHROMIUM_PATH` points at another Chromium (e.g. Debian's `/usr/bin/chromium`).
 * The flags keep Chromium from calling home: this machine's network is closed, and a test page
 * must make no request outside the server under test.
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH || (await chromium.executablePath());
  return puppeteer.launch({
    executablePath,
    headless: 'shell',
    args: [
      ...chromium.args.filter((arg) => !WEAKER_THAN_A_PERSONS_BROWSER.has(arg)),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=en-GB',
    ],
    defaultViewport: { width: 1280, height: 900 },
    protocolTimeout: 120_000,
  });
}

/**
 * Records every request a page makes that does not go to `allowedOrigin` (data: and blob: URLs
 * aside). Tests assert the list is empty: the pages we serve load nothing from elsewhere.
 */
export function watchOutsideRequests(page: Page, allowedOrigin: string): string[] {
  const outside: string[] = [];
  const origin = new URL(allowedOrigin).origin;
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return;
    if (new URL(url).origin !== origin) outside.push(url);
  });
  return outside;
}

/** Folder (ignored by git) where browser tests leave screenshots for a person to look at. */
export const SCREENSHOT_DIR = resolve(__dirname, '..', '..', '..', '.data', 'screenshots');

/**
 * Saves a full-page PNG under `.data/screenshots/<name>.png` and returns its path. With `scaled`,
 * the page as drawn at its viewport's width, scaled down to `width` pixels and cut after
 * `maxHeight` CSS pixels (pictures for the documentation, drawn by the browser itself).
 */
export async function screenshot(page: Page, name: string, scaled?: { width: number; maxHeight: number }): Promise<string> {
  const path = join(SCREENSHOT_DIR, `${name}.png`) as `${string}.png`;
  mkdirSync(dirname(path), { recursive: true });
  if (!scaled) {
    // Faster compression (about half the time of a full page, files about a quarter larger): these
    // are for a look after a run; the documentation's pictures below keep the default.
    await page.screenshot({ path, fullPage: true, optimizeForSpeed: true });
    return path;
  }
  const viewport = page.viewport() ?? { width: 1280, height: 900 };
  const height = Math.min(scaled.maxHeight, await page.evaluate(() => Math.ceil(document.body.getBoundingClientRect().bottom)));
  await page.setViewport({ ...viewport, deviceScaleFactor: scaled.width / viewport.width });
  try {
    await page.screenshot({ path, clip: { x: 0, y: 0, width: viewport.width, height } });
  } finally {
    await page.setViewport(viewport);
  }
  return path;
}
