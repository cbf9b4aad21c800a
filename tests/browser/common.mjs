// Shared by the browser test scripts: launch Debian Chromium headless with
// puppeteer-core (from .browser-deps/), watch console errors and requests.
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '..', '..');
export const deps = path.join(root, '.browser-deps', 'node_modules');
const require = createRequire(path.join(root, '.browser-deps', 'package.json'));
const puppeteer = require('puppeteer-core');

export async function launch() {
  const profile = mkdtempSync(path.join(tmpdir(), 'tarikh-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run',
      `--user-data-dir=${profile}`,
    ],
  });
  const close = async () => {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { browser, close };
}

// A page that records console errors, page errors and every request; any
// request to a URL that is not file: or data: is aborted and recorded.
export async function watchedPage(browser, width = 1280, height = 900) {
  const page = await browser.newPage();
  await page.setViewport({ width, height });
  const log = { consoleErrors: [], pageErrors: [], outside: [], requests: [] };
  page.on('console', (m) => { if (m.type() === 'error') log.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => log.pageErrors.push(String(e && e.message || e)));
  await page.setRequestInterception(true);
  page.on('request', (r) => {
    const url = r.url();
    log.requests.push(url);
    if (url.startsWith('file:') || url.startsWith('data:')) {
      r.continue();
    } else {
      log.outside.push(url);
      r.abort();
    }
  });
  return { page, log };
}

export function emit(result) {
  process.stdout.write(JSON.stringify(result) + '\n');
}

export async function main(fn) {
  try {
    emit(await fn());
  } catch (e) {
    emit({ error: String(e && e.stack || e) });
    process.exitCode = 1;
  }
}
