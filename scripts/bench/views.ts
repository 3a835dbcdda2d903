/**
 * What each view downloads on a throttled line (issue 16: "no view downloads
 * more than 10 MB unless the reader opens many single reports").
 *
 * Every view of the tab bar (src/app/state/url.ts VIEWS) is opened as a COLD
 * PAGE LOAD of its own URL, in a fresh browser context (empty cache) on the
 * THROTTLE line — not as a click from the view before. That is the honest
 * figure for "what a view downloads": it does not depend on the order the views
 * are visited in (a click path would hide the files an earlier view happened to
 * fetch), and it is what a reader pays who opens a shared link to the view. Its
 * price is that each cold load counts the page, the JavaScript, the wasm and the
 * core again; the database files of each step are listed, so what is the view's
 * own shows. Steps a reader takes on a view they already have — a 省份 filter
 * set, a search in 搜索机关 and choosing the match — are done in that page (set
 * the <select> / type into the box, as a reader does), and are counted on their
 * own (`bytes`) and with the view they were taken on (`sessionBytes`): the
 * latter is what the reader downloaded on that view in all.
 *
 * A step is settled when the shell is up (the database open), no element is
 * aria-busy (the views' loading lines), no worker query is in flight, no request
 * is in flight, and the DOM under `main` has been quiet for QUIET_MS; its time is
 * that of the last mutation under `main` or the last answer of the worker,
 * whichever came later (from navigation start, or from the action).
 * A step that fails (timeout, control not found) is recorded with its reason
 * and what the page showed, and the next step runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import type { BrowserResult } from './browser';
import { DATA_FILE, freshPage, middleReport, PROBE, QUIET_MS, THROTTLE } from './page';
import { WITHOUT_FILTERS } from '../../src/app/views/research/lazy';
import { VIEWS } from '../../src/app/state/url';

export interface ViewStep {
  /** the view's tab label, and what was done on it */
  step: string;
  /** the URL's query string of a cold load, or the action taken in the page */
  how: string;
  /** 'cold': a fresh page load of the URL; 'action': in the page left by the step before */
  kind: 'cold' | 'action';
  /** until settled: from navigation start (cold) or from the action; null when the step failed */
  ms: number | null;
  /** the first drawn chart, from navigation start (cold loads that draw one) */
  firstChart?: number | null;
  /** every response received in the step (headers and bodies: the page, JavaScript, wasm, database files) */
  bytes: number;
  /** the database files' share of `bytes` */
  dbBytes: number;
  /** an action's step: every byte since its view's cold load began (that load included) */
  sessionBytes?: number;
  /** database files fetched in the step, in order, without their folder */
  files: string[];
  /** why the step failed (it is then recorded with what it had fetched so far) */
  error?: string;
}

/** The views' tab labels, by id (for the steps' names). */
const LABEL = Object.fromEntries(VIEWS.map((v) => [v.id, v.label])) as Record<string, string>;

/** The probe's extra: when the shell's `main.view` first shows (its own insertion is not a mutation under `main`). */
const SHELL_PROBE = `(() => {
  const look = () => { if (window.__bench && window.__bench.shell == null && document.querySelector('main.view')) window.__bench.shell = performance.now(); };
  new MutationObserver(look).observe(document, { childList: true, subtree: true });
})();`;

// strings, not functions: tsx would wrap inner functions in __name(), unknown in the page
const READY = `(() => {
  const B = window.__bench;
  return !!document.querySelector('main.view') && B.opened !== null && !document.querySelector('[aria-busy="true"]')
    && B.inflight <= 0 && performance.now() - B.lastMut >= ${QUIET_MS};
})()`;
/** when the step's last thing happened: a mutation under main, the shell shown, or a worker's answer */
const END = `Math.max(window.__bench.lastMut, window.__bench.shell ?? 0, window.__bench.lastReply)`;
const SHOWS = `(document.querySelector('main')?.textContent ?? document.body.textContent ?? '').replace(/\\s+/g, ' ').trim().slice(0, 200)`;

/** An organ's name from the data: the core's organs, else a province directory's (a split build). */
export async function sampleOrgan(distDir: string): Promise<string | null> {
  const { default: initSqlJs } = await import('sql.js');
  const SQL = await initSqlJs();
  const read = (file: string) => {
    const b = fs.readFileSync(file);
    return new SQL.Database(file.endsWith('.gz') ? zlib.gunzipSync(b) : b);
  };
  const assets = path.join(distDir, 'assets');
  const core = fs.readdirSync(assets).find((f) => DATA_FILE.test(f));
  if (!core) return null;
  const pick = (db: import('sql.js').Database) =>
    db.exec(`SELECT name FROM organs WHERE name <> '' ORDER BY organ_id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM organs)`)[0]?.values[0]?.[0];
  const db = read(path.join(assets, core));
  try {
    const own = pick(db);
    if (own != null) return String(own);
    // the directory with the most reports, found wherever the build put it under dist
    const file = db.exec(`SELECT file FROM directories ORDER BY reports DESC LIMIT 1`)[0]?.values[0]?.[0];
    if (file == null) return null;
    const found = findFile(distDir, path.basename(String(file)));
    if (!found) return null;
    const dir = read(found);
    try {
      const v = pick(dir);
      return v == null ? null : String(v);
    } finally {
      dir.close();
    }
  } catch {
    return null;
  } finally {
    db.close();
  }
}

function findFile(dir: string, base: string): string | null {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isFile() && e.name === base) return p;
    if (e.isDirectory()) {
      const f = findFile(p, base);
      if (f) return f;
    }
  }
  return null;
}

/** A throttled page that counts every byte and every request in flight. */
async function throttledPage(browser: Browser, res: BrowserResult) {
  const { page, close } = await freshPage(browser, res.errors);
  const got: { file: string; bytes: number }[] = [];
  const pending: Promise<void>[] = [];
  let inflight = 0;
  page.on('request', () => void inflight++);
  page.on('requestfailed', () => void inflight--);
  page.on('requestfinished', (rq) => {
    const file = new URL(rq.url()).pathname.slice(1);
    pending.push(
      rq
        .sizes()
        .then((z) => void got.push({ file, bytes: z.responseBodySize + z.responseHeadersSize }))
        .catch(() => undefined)
        .finally(() => void inflight--),
    );
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const bps = (THROTTLE.mbit * 1e6) / 8;
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: THROTTLE.latencyMs, downloadThroughput: bps, uploadThroughput: bps });
  await page.addInitScript(PROBE);
  await page.addInitScript(SHELL_PROBE);
  let from = 0;
  /** what arrived since the last take */
  const take = async () => {
    await Promise.all(pending.splice(0));
    const mine = got.slice(from);
    from = got.length;
    const db = mine.filter((f) => DATA_FILE.test(f.file));
    return {
      bytes: mine.reduce((n, f) => n + f.bytes, 0),
      dbBytes: db.reduce((n, f) => n + f.bytes, 0),
      files: db.map((f) => f.file.replace(/^.*\//, '')),
    };
  };
  /** settled: READY in the page and no request in flight */
  const settle = async (timeoutMs: number) => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      if (inflight <= 0 && ((await page.evaluate(READY)) as boolean)) return;
      if (Date.now() > until) {
        const shows = (await page.evaluate(SHOWS).catch(() => '?')) as string;
        const busy = (await page.evaluate(`[...document.querySelectorAll('[aria-busy="true"]')].map((e) => (e.textContent || '').trim()).join(' / ')`).catch(() => '')) as string;
        throw new Error(`not settled within ${timeoutMs / 1000} s (${inflight} request(s) in flight${busy ? `; busy: ${busy.slice(0, 80)}` : ''}); the page shows: ${shows}`);
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  return { page, close: async () => { await Promise.all(pending); await close(); }, take, settle };
}

const errText = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 400);

/**
 * Every view on the THROTTLE line: each a cold load of its URL, and on each view
 * with filters a 省份 set in the page; 搜索机关 on 概览; one report's 报告详情;
 * 对比 with two reports. See the file's comment for why cold loads.
 */
export async function throttledViews(
  browser: Browser,
  url: string,
  distDir: string,
  res: BrowserResult,
  opts: { timeoutMs: number; log: (s: string) => void },
): Promise<ViewStep[]> {
  const steps: ViewStep[] = [];
  const reportId = await middleReport(distDir);
  const organName = await sampleOrgan(distDir);
  let province = '';
  const mbOf = (n: number) => `${(n / 2 ** 20).toFixed(2)} MB`;
  const note = (s: ViewStep) => {
    steps.push(s);
    opts.log(`  ${THROTTLE.mbit} Mbit/s, ${s.step}: ${s.ms === null ? 'FAILED' : `${s.ms.toFixed(0)} ms`}, ${mbOf(s.bytes)}${s.sessionBytes !== undefined ? ` (${mbOf(s.sessionBytes)} with the view)` : ''}, ${s.files.length} database file(s)${s.error ? ` — ${s.error}` : ''}`);
  };

  /**
   * One cold load of `query`, then the actions on that page, in turn (after a
   * failed one the rest are not run: the page is in no known state). An action's
   * `run` may return when, in page time, it saw its result (one outside `main`).
   */
  const visit = async (step: string, query: string, actions: { step: string; how: string; run: (page: Page) => Promise<number | void> }[] = []) => {
    const tp = await throttledPage(browser, res);
    try {
      let session = 0;
      let ok = true;
      try {
        await tp.page.goto(`${url}${query}`, { timeout: opts.timeoutMs });
        await tp.settle(opts.timeoutMs);
        const b = (await tp.page.evaluate(`({ end: ${END}, first: window.__bench.first })`)) as { end: number; first: number | null };
        const t = await tp.take();
        session = t.bytes;
        note({ step, how: query, kind: 'cold', ms: b.end, firstChart: b.first, ...t });
      } catch (e) {
        ok = false;
        const t = await tp.take();
        note({ step, how: query, kind: 'cold', ms: null, ...t, error: errText(e) });
      }
      for (const a of actions) {
        if (!ok) {
          note({ step: a.step, how: a.how, kind: 'action', ms: null, bytes: 0, dbBytes: 0, files: [], error: 'not run: the step before failed' });
          continue;
        }
        const t0 = (await tp.page.evaluate('performance.now()')) as number;
        try {
          const q0 = (await tp.page.evaluate('window.__bench.queries')) as number;
          const seen = await a.run(tp.page);
          // the action's effect starts: a query posted or the DOM under main changed (a no-op settles after 2 s)
          await tp.page
            .waitForFunction(`window.__bench.queries > ${q0} || window.__bench.lastMut > ${t0}`, null, { timeout: 2000, polling: 10 })
            .catch(() => undefined);
          await tp.settle(opts.timeoutMs);
          const last = Math.max((await tp.page.evaluate(END)) as number, seen ?? 0);
          const t = await tp.take();
          session += t.bytes;
          note({ step: a.step, how: a.how, kind: 'action', ms: Math.max(0, last - t0), ...t, sessionBytes: session });
        } catch (e) {
          ok = false;
          const t = await tp.take();
          session += t.bytes;
          note({ step: a.step, how: a.how, kind: 'action', ms: null, ...t, sessionBytes: session, error: errText(e) });
        }
      }
    } finally {
      await tp.close();
    }
  };

  /** Set 省份 in the page, as a reader does (the same province on every view, read from the first view's options). */
  const setProvince = (view: string) => ({
    step: `${LABEL[view]} → 省份`,
    get how() {
      return `省份=${province || '?'}`;
    },
    run: async (page: Page) => {
      if (!province) {
        // the middle of the list, not the first: the views' default report list already holds the first province's reports
        province = (await page.evaluate(`(() => { const el = document.getElementById('f-province'); const v = el ? [...el.options].map((o) => o.value).filter(Boolean) : []; return v[Math.floor(v.length / 2)] ?? ''; })()`)) as string;
        if (!province) throw new Error('no 省份 to choose (#f-province missing or empty)');
      }
      const r = (await page.evaluate(`(() => {
        const el = document.getElementById('f-province');
        if (!el) return 'no #f-province';
        if (![...el.options].some((o) => o.value === ${JSON.stringify(province)})) return 'no option ' + ${JSON.stringify(province)};
        el.value = ${JSON.stringify(province)};
        el.dispatchEvent(new Event('change', { bubbles: true }));
        return '';
      })()`)) as string;
      if (r) throw new Error(r);
    },
  });

  for (const v of VIEWS) {
    const id = v.id;
    const query = id === 'overview' ? '' : `?v=2&view=${id}`;
    const actions: Parameters<typeof visit>[2] = [];
    if (!WITHOUT_FILTERS.has(id)) actions.push(setProvince(id));
    if (id === 'overview' && organName) {
      // the search over every organ, on the landing view; then choosing the match (every view filters to it)
      actions.push({
        step: '搜索机关 (an organ\'s full name typed)',
        how: `«${organName}»`,
        run: async (page) => {
          await page.locator('#f-organ').fill(organName, { timeout: 10_000 });
          // the matches are in the filter column, not under main: the step ends when the status line says what was found
          const at = await page.waitForFunction(`(() => { const el = document.getElementById('f-organ-status'); return el && /\\S/.test(el.textContent || '') ? performance.now() : 0; })()`, null, { timeout: opts.timeoutMs, polling: 10 });
          return (await at.jsonValue()) as number;
        },
      });
      actions.push({
        step: '搜索机关 → choose the match',
        how: 'ArrowDown, Enter',
        run: async (page) => {
          const n = await page.locator('#f-organ-list [role="option"]').count();
          if (!n) throw new Error(`no match listed for «${organName}»: ${await page.locator('#f-organ-status').textContent()}`);
          await page.locator('#f-organ').press('ArrowDown');
          await page.locator('#f-organ').press('Enter');
        },
      });
    }
    await visit(LABEL[id], query, actions);
    if (id === 'overview' && !organName) note({ step: '搜索机关 (an organ\'s full name typed)', how: '', kind: 'action', ms: null, bytes: 0, dbBytes: 0, files: [], error: 'no organ name found in the built files' });
    if (id === 'report') {
      if (reportId === null) note({ step: `${LABEL.report}: one report`, how: '', kind: 'cold', ms: null, bytes: 0, dbBytes: 0, files: [], error: 'no report id found in the core' });
      else await visit(`${LABEL.report}: one report`, `?v=1&view=report&report=${reportId}`);
    }
    if (id === 'compare' && reportId !== null) {
      // two reports: the middle one and the one after it (version-1 ids; the page notes they are build-order ids)
      await visit(`${LABEL.compare}: two reports`, `?v=1&view=compare&a=${reportId}&b=${reportId + 1}`);
    }
  }
  return steps;
}
