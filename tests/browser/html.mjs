// node tests/browser/html.mjs PAGE.html SCREENSHOT.png PICK
// Opens the tarikh HTML export from file://, clicks the mark whose tooltip
// holds PICK, and
// prints what the rendered DOM shows as JSON.
import { pathToFileURL } from 'node:url';
import { launch, watchedPage, main } from './common.mjs';

const [pagePath, shot, pick] = process.argv.slice(2);

main(async () => {
  const { browser, close } = await launch();
  try {
    const { page, log } = await watchedPage(browser);
    await page.goto(pathToFileURL(pagePath).href, { waitUntil: 'load' });
    const titleBefore = await page.title();
    const marks = await page.$$eval('svg .mark', (ms) => ms.map((m) => m.getAttribute('data-i')));
    const flagged = await page.$$eval('svg .mark.flagged', (ms) => ms.length);
    const picked = await page.$$eval('svg .mark', (ms, pick) => {
      const m = ms.find((x) => (x.querySelector('title') || {}).textContent.includes(pick));
      return m ? m.getAttribute('data-i') : null;
    }, pick || '');
    let details = null;
    if (picked !== null) {
      await page.click(`svg .mark[data-i="${picked}"]`);
      details = await page.$eval('#details', (d) => ({ hidden: d.hidden, text: d.textContent,
        marks: Array.from(d.querySelectorAll('mark')).map((m) => m.textContent) }));
    }
    // The hostile event's details too (the one whose summary holds "<script>").
    const hostile = await page.$$eval('ol.events button', (bs) => {
      const b = bs.find((x) => x.textContent.includes('<script>'));
      return b ? b.getAttribute('data-i') : null;
    });
    let hostileDetails = null;
    if (hostile !== null) {
      await page.click(`ol.events button[data-i="${hostile}"]`);
      hostileDetails = await page.$eval('#details h3', (h) => h.textContent);
      if (picked !== null) { await page.click(`svg .mark[data-i="${picked}"]`); }
    }
    const state = await page.evaluate(() => ({
      pwned: typeof window.__pwned !== 'undefined',
      title: document.title,
      scripts: document.scripts.length,
      injected: document.querySelectorAll('body a, body img, body textarea, body iframe').length,
      dir: document.documentElement.dir,
      laneLabels: Array.from(document.querySelectorAll('svg .lane-label')).map((t) => t.textContent),
    }));
    await page.screenshot({ path: shot, fullPage: true });
    return { titleBefore, marks, flagged, details, hostileDetails, ...state, ...log };
  } finally {
    await close();
  }
});
