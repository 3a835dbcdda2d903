/**
 * The built site in headless Chromium, measured inside the page.
 *
 * A probe injected with addInitScript (before any of the app's scripts):
 *  - a MutationObserver marks `bench:first-chart` when the first `figure svg`
 *    holds a drawn mark (rect/path/circle/polyline/polygon with a non-empty box);
 *  - it keeps the time of the last DOM mutation under `main`;
 *  - Worker is wrapped to count queries in flight (posted with an id, answered
 *    with that id) and to note when the database reports it is open.
 * A filter change is made inside the page (set the <select>, dispatch `change`)
 * right after `performance.mark('bench:change')`; it is done when no query is in
 * flight and `main` has been quiet for QUIET_MS; its time is the last mutation
 * minus the change (the quiet window is not counted), recorded with
 * performance.measure.
 *
 * Floor page (floor.html, written into the served copy): sql.js on the main
 * thread fetches the wasm and the same database, opens it and runs one
 * `SELECT count(*) FROM reports`; the time from navigation start is the floor
 * of the first chart. The filter-change floor is one query in that page summing
 * every fact column of one province's reports by year.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, serveStatic } from '../../tests/browser/harness';
import { FLOOR_COPY_JS, type FloorCopy } from './floorCopy';
import { DATA_FILE, freshPage, middleReport, PROBE, QUIET_MS, THROTTLE } from './page';
import { throttledViews, type ViewStep } from './views';

export { DATA_FILE, QUIET_MS, THROTTLE };



/**
 * The floor page: the same wasm, and the same database files the app fetched
 * before its first chart (the core, and the per-year parts when the build split
 * it), downloaded in parallel, opened, the parts' rows copied into the core as
 * the app does, then one count(*).
 */
function floorHtml(wasm: string, files: string[]): string {
  return `<!doctype html><meta charset="utf-8"><title>floor</title><script src="sql-wasm.js"></script><script>
(async () => {
  try {
    const files = ${JSON.stringify(files)};
    const lib = ${FLOOR_COPY_JS};
    const [SQL, ...bufs] = await Promise.all([
      initSqlJs({ locateFile: () => 'assets/${wasm}' }),
      ...files.map((f) => fetch(f).then((r) => { if (!r.ok) throw new Error(f + ': HTTP ' + r.status); return f.endsWith('.gz') ? new Response(r.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer() : r.arrayBuffer(); })),
    ]);
    const db = new SQL.Database(new Uint8Array(bufs[0]));
    for (const b of bufs.slice(1)) lib.copy(SQL, db, new Uint8Array(b));
    const n = db.exec('SELECT count(*) FROM reports')[0].values[0][0];
    performance.mark('bench:floor');
    window.__db = db;
    window.__SQL = SQL;
    window.__floorLib = lib;
    window.__floorLoaded = files;
    window.__floor = { ms: performance.now(), n };
  } catch (e) { window.__floor = { error: String(e) }; }
})();
</script>`;
}

export interface BrowserResult {
  coldLoads: number[];
  /** bytes the page downloaded before its first chart (all requests), and the database files among them */
  coldBytes: number[];
  coldFiles: string[];
  dbOpen: number[];
  floor: number[];
  views: { view: string; changes: { label: string; ms: number; queryMs: number; queries: number; mutations: number }[] }[];
  filterFloor: number[];
  /** a reader's path through the site, each step with the database files it fetched (issue 8: only the files a view needs) */
  journey?: JourneyStep[];
  /** the same path on a throttled network (THROTTLE), every byte counted: first chart, → 依申请公开, a filter change there */
  throttled?: ThrottledStep[];
  /** every view of the tab bar on the same throttled line, each a cold load, with the steps a reader takes there (views.ts) */
  viewDownloads?: ViewStep[];
  errors: string[];
}

export interface ThrottledStep {
  step: 'first chart' | '依申请公开' | 'filter change';
  ms: number;
  /** every response body received in the step (JavaScript and wasm included) */
  bytes: number;
  files: string[];
}

export interface JourneyStep {
  step: string;
  /** from the action (navigation or click) to the page settled: no query in flight, the DOM quiet */
  ms: number;
  /** database files fetched during the step, in order */
  files: string[];
  bytes: number;
  /** the load indicator's first text, when it showed during the step */
  progress: string | null;
}

const median = (a: number[]) => quantile(a, 0.5);
export function quantile(a: number[], q: number): number {
  if (!a.length) return NaN;
  const s = [...a].sort((x, y) => x - y);
  // nearest rank
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}
export { median };


/** Changes that cycle through the filters, each read from the page's own options. */
async function planChanges(page: Page, count: number): Promise<{ id: string; value: string; label: string }[]> {
  // a string, not a function: tsx would wrap inner functions in __name(), unknown in the page
  const opts = (await page.evaluate(`(() => {
    const get = (id) => { const el = document.getElementById(id); return el ? [...el.options].map((o) => o.value) : []; };
    return { province: get('f-province'), level: get('f-level'), template: get('f-template'), from: get('f-from') };
  })()`)) as { province: string[]; level: string[]; template: string[]; from: string[] };
  const seqs: { id: string; label: string; values: string[] }[] = [
    { id: 'f-template', label: '模板', values: opts.template.filter(Boolean) },
    { id: 'f-level', label: '层级', values: opts.level.filter(Boolean) },
    { id: 'f-province', label: '省份', values: opts.province.filter(Boolean).slice(0, 6) },
    { id: 'f-from', label: '年度', values: opts.from.filter(Boolean).slice(0, 4) },
  ].filter((s) => s.values.length);
  const out: { id: string; value: string; label: string }[] = [];
  while (out.length < count && seqs.length) {
    for (const s of seqs) {
      for (const v of s.values) out.push({ id: s.id, value: v, label: `${s.label}=${v}` });
      out.push({ id: s.id, value: '', label: `${s.label}=全部` });
    }
  }
  return out.slice(0, Math.max(count, out.length >= count ? count : out.length));
}

/** Wait for the probe's first chart; on a timeout say what the page shows instead. */
async function waitFirstChart(page: Page, timeoutMs: number): Promise<void> {
  try {
    await page.waitForFunction(() => (window as unknown as { __bench: { first: number | null } }).__bench.first !== null, null, { timeout: timeoutMs, polling: 50 });
  } catch (e) {
    const shows = await page.evaluate(() => (document.querySelector('main')?.textContent ?? document.body.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 240)).catch(() => '?');
    throw new Error(`no chart drawn within ${timeoutMs / 1000} s; the page shows: ${shows}`, { cause: e });
  }
}


// strings, not functions: tsx would wrap inner functions in __name(), unknown in the page
const SETTLED = `(() => { const B = window.__bench; return B.inflight <= 0 && performance.now() - B.lastMut >= ${QUIET_MS}; })()`;
const WATCH_PROGRESS = `(() => {
  window.__progress = null;
  const look = () => { const el = document.querySelector('[data-testid="load-progress"]'); if (el && window.__progress === null) window.__progress = (el.textContent || '').trim(); };
  new MutationObserver(look).observe(document.body, { childList: true, subtree: true, characterData: true });
  look();
})()`;

/**
 * 概览 on a cold load, then 依申请公开 (every year's figures), then — in a fresh
 * page — one report's 报告详情: the time to settle and the database files each
 * step fetched, so a split build shows it downloads only what a view needs.
 */
async function journey(browser: Browser, url: string, distDir: string, res: BrowserResult, timeoutMs: number): Promise<JourneyStep[]> {
  const steps: JourneyStep[] = [];
  const reportId = await middleReport(distDir);
  const run = async (fn: (page: Page, track: () => { files: string[]; bytes: number }) => Promise<void>) => {
    const { page, close } = await freshPage(browser, res.errors);
    const fetched: { file: string; bytes: number }[] = [];
    const pending: Promise<void>[] = [];
    page.on('requestfinished', (rq) => {
      const file = new URL(rq.url()).pathname.slice(1);
      if (DATA_FILE.test(file)) pending.push(rq.sizes().then((z) => void fetched.push({ file, bytes: z.responseBodySize })).catch(() => undefined));
    });
    let from = 0;
    const track = () => {
      const got = fetched.slice(from);
      from = fetched.length;
      return { files: got.map((f) => f.file.replace(/^(assets|data)\//, '')), bytes: got.reduce((n, f) => n + f.bytes, 0) };
    };
    await page.addInitScript(PROBE);
    try {
      await fn(page, track);
    } finally {
      await Promise.all(pending);
      await close();
    }
  };
  const settle = async (page: Page) => {
    await page.waitForFunction(SETTLED, null, { timeout: timeoutMs, polling: 20 });
  };
  const end = (page: Page) => page.evaluate('window.__bench.lastMut') as Promise<number>;
  await run(async (page, track) => {
    await page.goto(url);
    await page.evaluate(WATCH_PROGRESS).catch(() => undefined);
    await waitFirstChart(page, timeoutMs);
    await settle(page);
    const ms = await end(page);
    await new Promise((r) => setTimeout(r, 200));
    steps.push({ step: '概览 (cold load)', ms, ...track(), progress: (await page.evaluate('window.__progress ?? null')) as string | null });
    await page.evaluate(WATCH_PROGRESS);
    const t0 = (await page.evaluate('performance.now()')) as number;
    await page.getByRole('link', { name: '依申请公开', exact: true }).click();
    await page.waitForFunction('window.__bench.inflight > 0 || document.querySelector("main figure svg") !== null', null, { timeout: timeoutMs, polling: 10 });
    await settle(page);
    const ms2 = (await end(page)) - t0;
    await new Promise((r) => setTimeout(r, 200));
    steps.push({ step: '→ 依申请公开 (every year)', ms: ms2, ...track(), progress: (await page.evaluate('window.__progress')) as string | null });
  });
  if (reportId !== null) {
    await run(async (page, track) => {
      await page.goto(`${url}?v=1&view=report&report=${reportId}`);
      await page.evaluate(WATCH_PROGRESS).catch(() => undefined);
      await page.locator('main h2').filter({ hasText: '年度报告' }).first().waitFor({ timeout: timeoutMs });
      await settle(page);
      const ms = await end(page);
      await new Promise((r) => setTimeout(r, 200));
      steps.push({ step: `报告详情 of report ${reportId} (cold load)`, ms, ...track(), progress: (await page.evaluate('window.__progress ?? null')) as string | null });
    });
  }
  return steps;
}

/**
 * A reader on a 10 Mbit/s line (CDP Network.emulateNetworkConditions, which also
 * slows the database worker's fetches): the first chart from a cold load, a click
 * to 依申请公开, then 省份 set there; each step's time and every byte it fetched.
 */
async function throttledPath(browser: Browser, url: string, res: BrowserResult, timeoutMs: number): Promise<ThrottledStep[]> {
  const { page, close } = await freshPage(browser, res.errors);
  const steps: ThrottledStep[] = [];
  const got: { file: string; bytes: number }[] = [];
  const pending: Promise<void>[] = [];
  page.on('requestfinished', (rq) => {
    const file = new URL(rq.url()).pathname.slice(1);
    pending.push(rq.sizes().then((z) => void got.push({ file, bytes: z.responseBodySize + z.responseHeadersSize })).catch(() => undefined));
  });
  let from = 0;
  const take = async () => {
    await Promise.all(pending.splice(0));
    const mine = got.slice(from);
    from = got.length;
    return { bytes: mine.reduce((n, f) => n + f.bytes, 0), files: mine.map((f) => f.file.replace(/^(assets|data)\//, '')).filter((f) => DATA_FILE.test(f)) };
  };
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    const bps = (THROTTLE.mbit * 1e6) / 8;
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: THROTTLE.latencyMs, downloadThroughput: bps, uploadThroughput: bps });
    await page.addInitScript(PROBE);
    await page.goto(url);
    await waitFirstChart(page, timeoutMs);
    const first = (await page.evaluate('window.__bench.first')) as number;
    steps.push({ step: 'first chart', ms: first, ...(await take()) });
    await page.waitForFunction(SETTLED, null, { timeout: timeoutMs, polling: 20 });
    await take(); // the rest of the overview (its report list) is not the next step's
    const t0 = (await page.evaluate('performance.now()')) as number;
    await page.getByRole('link', { name: '依申请公开', exact: true }).click();
    await page.waitForFunction('window.__bench.inflight > 0 || document.querySelector("main figure svg") !== null', null, { timeout: timeoutMs, polling: 10 });
    await page.waitForFunction(SETTLED, null, { timeout: timeoutMs, polling: 20 });
    steps.push({ step: '依申请公开', ms: ((await page.evaluate('window.__bench.lastMut')) as number) - t0, ...(await take()) });
    const province = (await page.evaluate(`[...document.getElementById('f-province').options].map((o) => o.value).filter(Boolean)[0] ?? ''`)) as string;
    if (province) {
      const r = (await page.evaluate(`window.__bench.change('f-province', ${JSON.stringify(province)})`)) as { ms: number };
      steps.push({ step: 'filter change', ms: r.ms, ...(await take()) });
    }
  } finally {
    await Promise.all(pending);
    await close();
  }
  return steps;
}

export async function browserBench(distDir: string, opts: { coldRuns: number; changes: number; timeoutMs: number; log: (s: string) => void }): Promise<BrowserResult> {
  const assets = fs.readdirSync(path.join(distDir, 'assets'));
  const wasm = assets.find((f) => f.endsWith('.wasm'));
  if (!wasm) throw new Error('dist has no wasm asset');
  fs.copyFileSync(path.resolve('node_modules/sql.js/dist/sql-wasm.js'), path.join(distDir, 'sql-wasm.js'));

  const server = await serveStatic(distDir, '/');
  const browser = await launchBrowser();
  const res: BrowserResult = { coldLoads: [], coldBytes: [], coldFiles: [], dbOpen: [], floor: [], views: [], filterFloor: [], errors: [] };
  try {
    // Cold load, then the floor over the same files, alternating so both see the same machine load.
    for (let i = 0; i < opts.coldRuns; i++) {
      {
        const { page, close } = await freshPage(browser, res.errors);
        const fetched: { url: string; bytes: number; at: number }[] = [];
        const pending: Promise<void>[] = [];
        page.on('requestfinished', (rq) => {
          const at = Date.now();
          pending.push(rq.sizes().then((z) => void fetched.push({ url: rq.url(), bytes: z.responseBodySize, at })).catch(() => undefined));
        });
        await page.addInitScript(PROBE);
        await page.goto(server.url);
        await waitFirstChart(page, opts.timeoutMs);
        const seen = Date.now();
        const b = await page.evaluate(() => {
          const B = (window as unknown as { __bench: { first: number; opened: number | null } }).__bench;
          return { first: performance.getEntriesByName('bench:first-chart')[0]?.startTime ?? B.first, opened: B.opened };
        });
        await Promise.all(pending);
        const before = fetched.filter((f) => f.at <= seen);
        res.coldLoads.push(b.first);
        res.coldBytes.push(before.reduce((n, f) => n + f.bytes, 0));
        if (b.opened !== null) res.dbOpen.push(b.opened);
        if (i === 0) {
          const dbFiles = before.map((f) => new URL(f.url).pathname.slice(1)).filter((f) => DATA_FILE.test(f));
          // the core first (assets/), then the parts
          res.coldFiles = [...new Set([...dbFiles.filter((f) => f.startsWith('assets/')), ...dbFiles.filter((f) => !f.startsWith('assets/'))])];
          if (!res.coldFiles.length) throw new Error('the page fetched no .sqlite file before its first chart');
          fs.writeFileSync(path.join(distDir, 'floor.html'), floorHtml(wasm, res.coldFiles));
        }
        opts.log(`  cold load ${i + 1}: first chart ${b.first.toFixed(0)} ms (database open ${b.opened?.toFixed(0)} ms, ${(res.coldBytes[i] / 2 ** 20).toFixed(1)} MB fetched)`);
        await close();
      }
      {
        const { page, close } = await freshPage(browser, res.errors);
        await page.goto(`${server.url}floor.html`);
        await page.waitForFunction(() => (window as unknown as { __floor?: unknown }).__floor, null, { timeout: opts.timeoutMs });
        const f = await page.evaluate(() => (window as unknown as { __floor: { ms?: number; error?: string } }).__floor);
        if (f.error) throw new Error(`floor page: ${f.error}`);
        res.floor.push(f.ms!);
        if (i === 0) {
          // filter floor: every fact column summed for one province, by year, in the same page —
          // over every report: a split build's parts the first chart did not need are copied in first (not timed)
          res.filterFloor = await page.evaluate(async () => {
            const w = window as unknown as { __db: import('sql.js').Database; __SQL: import('sql.js').SqlJsStatic; __floorLib: FloorCopy; __floorLoaded: string[] };
            const d = w.__db;
            // the parts and directories the first chart's files did not include, each once
            for (const file of w.__floorLib.rest(d, w.__floorLoaded)) {
              const res = await fetch(file);
              if (!res.ok) throw new Error(`${file}: HTTP ${res.status}`);
              const bytes = await new Response(res.body!.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
              w.__floorLib.copy(w.__SQL, d, new Uint8Array(bytes));
            }
            const provs = d.exec('SELECT DISTINCT province FROM organs WHERE province IS NOT NULL LIMIT 8')[0]?.values.map((r) => r[0]) ?? [];
            const cols = d.exec('SELECT column_name FROM fact_keys')[0]?.values.map((r) => `sum(r."${String(r[0])}")`) ?? [];
            const sql = `SELECT r.year, count(*), ${cols.join(', ') || '0'} FROM reports r JOIN organs o USING (organ_id) WHERE o.province = ? GROUP BY r.year`;
            const out: number[] = [];
            for (let k = 0; k < 24; k++) {
              const t0 = performance.now();
              d.exec(sql, [provs[k % provs.length] ?? '']);
              out.push(performance.now() - t0);
            }
            return out;
          });
        }
        opts.log(`  floor ${i + 1}: ${f.ms!.toFixed(0)} ms`);
        await close();
      }
    }

    res.throttled = await throttledPath(browser, server.url, res, opts.timeoutMs);
    for (const t of res.throttled) opts.log(`  ${THROTTLE.mbit} Mbit/s, ${t.step}: ${t.ms.toFixed(0)} ms, ${(t.bytes / 2 ** 20).toFixed(2)} MB (${t.files.join(', ') || 'no database file'})`);
    try {
      res.viewDownloads = await throttledViews(browser, server.url, distDir, res, { timeoutMs: opts.timeoutMs, log: opts.log });
    } catch (e) {
      res.errors.push(`views at ${THROTTLE.mbit} Mbit/s: ${e instanceof Error ? e.message : String(e)}`);
    }
    res.journey = await journey(browser, server.url, distDir, res, opts.timeoutMs);
    for (const j of res.journey) opts.log(`  ${j.step}: ${j.ms.toFixed(0)} ms, ${j.files.length} database file(s), ${(j.bytes / 2 ** 20).toFixed(1)} MB${j.progress ? `, indicator «${j.progress}»` : ''}`);

    for (const view of ['overview', 'applications']) {
      const { page, close } = await freshPage(browser, res.errors);
      await page.addInitScript(PROBE);
      await page.goto(view === 'overview' ? server.url : `${server.url}?view=${view}`);
      await waitFirstChart(page, opts.timeoutMs);
      await page.waitForTimeout(300);
      const plan = await planChanges(page, opts.changes);
      const changes: BrowserResult['views'][number]['changes'] = [];
      // two warm-up changes, not counted
      for (const c of [...plan.slice(0, 2), ...plan]) {
        const r = await page.evaluate(
          ([id, value]) => (window as unknown as { __bench: { change: (i: string, v: string) => Promise<{ ms: number; queryMs: number; queries: number; mutations: number; error?: string }> } }).__bench.change(id, value),
          [c.id, c.value] as const,
        );
        if (r.error) throw new Error(r.error);
        changes.push({ label: c.label, ...r });
      }
      const counted = changes.slice(2);
      const figures = await page.evaluate(() => document.querySelectorAll('main figure').length);
      res.views.push({ view: `${view} (${figures} figure${figures === 1 ? '' : 's'})`, changes: counted });
      const ms = counted.map((c) => c.ms);
      opts.log(`  ${view}: ${counted.length} filter changes, median ${median(ms).toFixed(0)} ms, p95 ${quantile(ms, 0.95).toFixed(0)} ms`);
      await close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return res;
}
