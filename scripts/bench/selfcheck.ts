/**
 * 自查 in Chromium: how long a 5-page PDF takes from being chosen to its result
 * on the page (goal ≤ 3 s), on a built site served statically.
 *
 * Each run opens the view in a new page, waits until its worker is ready (the
 * region tables indexed, pdf.js loaded: what happens while a reader looks for
 * the file), chooses the file and stops the clock when the summary is shown.
 * One more run chooses the file the moment the view opens, so the worker's
 * start is counted too. The PDFs: ../shared/corpus/complete/hongze-2024.pdf
 * when present, and a generated 2021-template report printed by Chromium,
 * padded with prose to 5 pages.
 *
 * `npm run bench:selfcheck [-- --dist DIR] [--no-write]` runs it alone
 * (dist/ by default: `npm run build` first) and writes its section of
 * BENCHMARKS.md; `npm run bench` runs it on the first corpus's site.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser, serveStatic } from '../../tests/browser/harness';
import { printPdf } from '../../tests/extract/chromium';
import { makeReport, reportHtml } from '../../tests/extract/render';
import { writeBenchmarksSection } from '../lib/benchmarksSection';

export const SELFCHECK_TITLE = '自查: one report in the browser';
export const GOAL_S = 3;
const RUNS = 5;

export interface SelfcheckRun {
  file: string;
  pages: number;
  kb: number;
  /** chosen → summary shown, ms, each warm run */
  warm: number[];
  /** chosen the moment the view opened → summary shown, ms */
  cold: number;
}

export interface SelfcheckBench {
  runs: SelfcheckRun[];
  chromium: string;
  load: number;
  date: string;
}

const pageCount = (pdf: Uint8Array) => (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

const PROSE =
  '本机关坚持以公开为常态、不公开为例外，围绕重点领域信息公开，及时发布政策文件、规划计划、财政预决算、重大建设项目、公共资源配置等信息，并通过政府网站、政务新媒体和新闻发布会等渠道解读政策，回应社会关切。';

/** A generated report printed by Chromium, its section 一 padded with prose until it has 5 pages. */
export async function fivePagePdf(browser: Browser): Promise<Uint8Array> {
  const base = reportHtml(makeReport(51, '2021'));
  for (let n = 20; n < 400; n += 10) {
    const pad = Array.from({ length: n }, () => `<p class="MsoNormal">${PROSE}</p>`).join('\n');
    const pdf = await printPdf(browser, base.replace('<h2>二、主动公开政府信息情况</h2>', `${pad}\n<h2>二、主动公开政府信息情况</h2>`));
    const pages = pageCount(pdf);
    if (pages === 5) return pdf;
    if (pages > 5) break;
  }
  throw new Error('could not print a 5-page report');
}

async function once(browser: Browser, url: string, file: string, waitReady: boolean): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.goto(`${url}?v=2&view=selfcheck`);
    await page.locator('#selfcheck-file').waitFor({ timeout: 60_000 });
    if (waitReady) await page.locator('.drop[data-ready="true"]').waitFor({ timeout: 60_000 });
    const t0 = Date.now();
    await page.setInputFiles('#selfcheck-file', file);
    await page.locator('[data-testid=selfcheck-summary], [data-testid=selfcheck-error]').first().waitFor({ timeout: 120_000 });
    const t = Date.now() - t0;
    if (await page.getByTestId('selfcheck-error').count()) throw new Error(await page.getByTestId('selfcheck-error').innerText());
    return t;
  } finally {
    await page.close();
  }
}

export async function selfcheckBench(dist: string, log: (s: string) => void = console.log): Promise<SelfcheckBench> {
  const server = await serveStatic(path.resolve(dist));
  const browser = await launchBrowser();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-selfcheck-bench-'));
  try {
    const files: string[] = [];
    const hongze = path.resolve('../shared/corpus/complete/hongze-2024.pdf');
    if (fs.existsSync(hongze)) files.push(hongze);
    const generated = path.join(tmp, 'generated-5-pages.pdf');
    fs.writeFileSync(generated, await fivePagePdf(browser));
    files.push(generated);
    const runs: SelfcheckRun[] = [];
    for (const file of files) {
      const bytes = new Uint8Array(fs.readFileSync(file));
      const cold = await once(browser, server.url, file, false);
      const warm: number[] = [];
      for (let i = 0; i < RUNS; i++) warm.push(await once(browser, server.url, file, true));
      const run = { file: path.basename(file), pages: pageCount(bytes), kb: Math.round(bytes.length / 1024), warm, cold };
      runs.push(run);
      log(`自查 ${run.file} (${run.pages} pages): median ${median(warm)} ms, cold ${cold} ms`);
    }
    return { runs, chromium: browser.version(), load: os.loadavg()[0], date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC' };
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : Math.round((s[s.length / 2 - 1] + s[s.length / 2]) / 2);
};
const sec = (ms: number) => (ms / 1000).toFixed(2);

export function renderSelfcheck(b: SelfcheckBench): string {
  const rows = b.runs.map((r) => {
    const m = median(r.warm);
    return `| ${r.file} | ${r.pages} | ${r.kb} KB | **${sec(m)}** (${m / 1000 <= GOAL_S ? 'meets' : 'misses'} the goal) | ${sec(Math.min(...r.warm))}–${sec(Math.max(...r.warm))} | ${sec(r.cold)} |`;
  });
  return `## ${SELFCHECK_TITLE}

\`npm run bench:selfcheck\` (also run by \`npm run bench\`): a 5-page PDF chosen in the 自查 view of the built site, served statically, in headless Chromium: seconds from choosing the file to the summary shown (extraction with pdf.js, parse, checks, the page drawn). Goal ≤ ${GOAL_S} s. Each run opens the view in a new page and waits until its worker is ready (region tables indexed, pdf.js loaded, as while a reader looks for the file); "chosen at once" chooses it the moment the view opens, so the worker's start is counted too.

| PDF | pages | size | median of ${RUNS}, s | range, s | chosen at once, s |
|---|---|---|---|---|---|
${rows.join('\n')}

Machine: ${os.cpus()[0]?.model.trim() ?? 'unknown'}, ${os.cpus().length} cores, Chromium ${b.chromium}; load average ${b.load.toFixed(1)} when measured (${b.date}; a shared machine).
`;
}

async function main() {
  const argv = process.argv.slice(2);
  const i = argv.indexOf('--dist');
  const dist = i >= 0 ? argv[i + 1] : 'dist';
  if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error(`${dist}/index.html missing: npm run build first`);
  const b = await selfcheckBench(dist);
  const md = renderSelfcheck(b);
  if (argv.includes('--no-write')) console.log(md);
  else {
    writeBenchmarksSection(SELFCHECK_TITLE, md);
    console.log('wrote BENCHMARKS.md');
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
