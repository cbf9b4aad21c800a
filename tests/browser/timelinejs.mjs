// node tests/browser/timelinejs.mjs SLIDES.json WORKDIR SCREENSHOT.png
// Loads TimelineJS 3 from .browser-deps (file://, {font: null}) with the
// slides as a JS global, and prints the slides it rendered as JSON.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { deps, launch, watchedPage, main } from './common.mjs';

const [jsonPath, work, shot] = process.argv.slice(2);

main(async () => {
  const dist = path.join(deps, '@knight-lab', 'timelinejs', 'dist');
  const data = readFileSync(jsonPath, 'utf8');
  writeFileSync(path.join(work, 'timelinejs-data.js'), `window.TARIKH_DATA = ${data};\n`);
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="${pathToFileURL(path.join(dist, 'css', 'timeline.css')).href}">
<script src="${pathToFileURL(path.join(dist, 'js', 'timeline.js')).href}"></script>
<script src="timelinejs-data.js"></script>
<style>html, body { margin: 0; height: 100%; } #tl { width: 100%; height: 680px; }</style>
</head><body><div id="tl"></div><script>
window.TARIKH_TL = new TL.Timeline('tl', window.TARIKH_DATA, { font: null });
</script></body></html>`;
  const pagePath = path.join(work, 'timelinejs.html');
  writeFileSync(pagePath, html);
  const { browser, close } = await launch();
  try {
    const { page, log } = await watchedPage(browser, 1280, 720);
    await page.goto(pathToFileURL(pagePath).href, { waitUntil: 'load' });
    await page.waitForSelector('.tl-slide', { timeout: 15000 });
    await new Promise((r) => setTimeout(r, 1500));
    const slides = await page.$$eval('.tl-slide', (ss) => ss.map((s) => ({
      id: s.id,
      title: s.classList.contains('tl-slide-titleslide'),
      date: (s.querySelector('.tl-headline-date') || {}).textContent || '',
      headline: (s.querySelector('.tl-headline') || {}).textContent || '',
    })));
    const markers = await page.$$eval('.tl-timemarker', (ms) => ms.length);
    const groups = await page.$$eval('.tl-timegroup-message', (gs) => gs.map((g) => g.textContent));
    const pwned = await page.evaluate(() => typeof window.__pwned !== 'undefined' || document.title === 'pwned');
    // Go to the first event slide for the screenshot.
    await page.evaluate(() => window.TARIKH_TL.goTo(1));
    await new Promise((r) => setTimeout(r, 1500));
    await page.screenshot({ path: shot });
    return { slides, markers, groups, pwned, ...log };
  } finally {
    await close();
  }
});
