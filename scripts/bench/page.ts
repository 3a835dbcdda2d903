/**
 * What the bench's browser steps share (browser.ts, views.ts): the probe injected
 * into every measured page, the throttle, what counts as a database file, a
 * fresh page, and the report in the middle of the collection.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser, Page } from 'playwright-core';

export const QUIET_MS = 50;

/** A database file the site fetches: the core, or a (gzipped) shard, part or directory. */
export const DATA_FILE = /\.sqlite(\.gz)?$/;

/** The reader's network in the throttled runs: 10 Mbit/s down, 40 ms round trip. */
export const THROTTLE = { mbit: 10, latencyMs: 40 };

export const PROBE = `(() => {
  const QUIET = ${QUIET_MS};
  const B = { first: null, opened: null, lastMut: 0, muts: 0, inflight: 0, queries: 0, lastReply: 0, replies: [] };
  window.__bench = B;
  const drawn = (svg) => {
    for (const el of svg.querySelectorAll('rect, path, circle, polyline, polygon')) {
      try { const b = el.getBBox(); if (b.width > 0 || b.height > 0) return true; } catch (e) {}
    }
    return false;
  };
  const inMain = (n) => { const el = n.nodeType === 1 ? n : n.parentElement; return !!(el && el.closest('main')); };
  const mo = new MutationObserver((records) => {
    const now = performance.now();
    if (B.first === null) {
      for (const svg of document.querySelectorAll('figure svg')) if (drawn(svg)) { B.first = now; performance.mark('bench:first-chart'); break; }
    }
    for (const r of records) if (inMain(r.target)) { B.lastMut = now; B.muts++; break; }
  });
  mo.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  const W = window.Worker;
  window.Worker = class extends W {
    constructor(...a) {
      super(...a);
      this.addEventListener('message', (ev) => {
        const d = ev.data;
        if (d && d.type === 'opened' && B.opened === null) { B.opened = performance.now(); performance.mark('bench:db-open'); }
        if (d && typeof d.id === 'number') { B.inflight--; B.lastReply = performance.now(); B.replies.push(B.lastReply); }
      });
    }
    postMessage(m, t) {
      if (m && typeof m.id === 'number') { B.inflight++; B.queries++; }
      return t === undefined ? super.postMessage(m) : super.postMessage(m, t);
    }
  };
  B.change = (selectId, value) => new Promise((resolve) => {
    const sel = document.getElementById(selectId);
    if (!sel) { resolve({ error: 'no #' + selectId }); return; }
    const q0 = B.queries, m0 = B.muts;
    B.replies = [];
    performance.mark('bench:change');
    const t0 = performance.now();
    B.lastMut = t0;
    sel.value = value;
    sel.dispatchEvent(new Event('change', { bubbles: true }));
    const tick = () => {
      const now = performance.now();
      if (B.inflight <= 0 && now - B.lastMut >= QUIET && now - t0 >= QUIET) {
        const end = Math.max(t0, B.lastMut);
        const m = performance.measure('bench:filter', { start: t0, end });
        // the last answer that came before the view's last change (the organ list of the filter bar may answer later)
        const before = B.replies.filter((x) => x <= end);
        resolve({ ms: m.duration, queryMs: before.length ? Math.max(...before) - t0 : 0, queries: B.queries - q0, mutations: B.muts - m0 });
      } else setTimeout(tick, 5);
    };
    setTimeout(tick, QUIET);
  });
})();`;

export async function freshPage(browser: Browser, errors: string[]): Promise<{ page: Page; close: () => Promise<void> }> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(`HTTP ${r.status()} ${r.url()}`);
  });
  return { page, close: () => ctx.close() };
}

/** A report in the middle of the collection (for the split build: a part's report), from the built core. */
export async function middleReport(distDir: string): Promise<number | null> {
  const core = fs.readdirSync(path.join(distDir, 'assets')).find((f) => DATA_FILE.test(f));
  if (!core) return null;
  const { default: initSqlJs } = await import('sql.js');
  const SQL = await initSqlJs();
  const bytes = fs.readFileSync(path.join(distDir, 'assets', core));
  const db = new SQL.Database(core.endsWith('.gz') ? zlib.gunzipSync(bytes) : bytes);
  try {
    // the first report of the middle shard (a split index has no report rows of its own)
    const v = db.exec('SELECT first_report_id FROM shards ORDER BY shard_id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM shards)')[0]?.values[0]?.[0];
    return v == null ? null : Number(v);
  } finally {
    db.close();
  }
}
