// node tests/browser/mermaid.mjs CHART.mmd WORKDIR SCREENSHOT.png
// Parses and renders a Mermaid chart with Mermaid's own library (from
// .browser-deps, file://) and prints what the SVG holds as JSON.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { deps, launch, watchedPage, main } from './common.mjs';

const [chartPath, work, shot] = process.argv.slice(2);

main(async () => {
  const code = readFileSync(chartPath, 'utf8');
  const lib = pathToFileURL(path.join(deps, 'mermaid', 'dist', 'mermaid.min.js')).href;
  const pagePath = path.join(work, 'mermaid.html');
  writeFileSync(pagePath, `<!DOCTYPE html><html><head><meta charset="utf-8">
<script src="${lib}"></script></head><body style="margin:0;background:#fff"><div id="out" style="width:1400px"></div></body></html>`);
  const { browser, close } = await launch();
  try {
    const { page, log } = await watchedPage(browser, 1400, 900);
    await page.goto(pathToFileURL(pagePath).href, { waitUntil: 'load' });
    const result = await page.evaluate(async (code) => {
      const out = { parsed: false, error: null };
      mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', gantt: { useWidth: 1400 } });
      try {
        out.parsed = !!(await mermaid.parse(code));
        const { svg } = await mermaid.render('tarikh-gantt', code);
        document.getElementById('out').innerHTML = svg;
      } catch (e) {
        out.error = String(e && e.message || e);
        return out;
      }
      const root = document.querySelector('#out svg');
      out.svg = !!root;
      out.bars = root.querySelectorAll('rect.task').length;
      out.labels = Array.from(root.querySelectorAll('text.taskText, text.taskTextOutsideRight, text.taskTextOutsideLeft'))
        .map((t) => t.textContent);
      out.sections = Array.from(root.querySelectorAll('text.sectionTitle')).map((t) => t.textContent);
      out.errorText = (root.textContent || '').includes('Syntax error');
      return out;
    }, code);
    const el = await page.$('#out svg');
    if (el) { await el.screenshot({ path: shot }); } else { await page.screenshot({ path: shot }); }
    return { ...result, ...log };
  } finally {
    await close();
  }
});
