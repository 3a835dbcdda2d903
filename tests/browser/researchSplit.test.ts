/**
 * 查询 over a split build: the seed reports built with the split forced (1-byte
 * threshold), served in place of the database of the built site (dist/ as it
 * is; its core file (plain and gzipped) and data/ answered from the split build). A query on
 * reports fetches every part first, with progress, and answers as the whole
 * database does; a query on organs alone fetches none.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import type { Database } from 'sql.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildDatabase } from '../../scripts/lib/buildDatabase';
import { openBuiltDatabase } from '../../scripts/lib/openBuilt';
import { DIST, launchBrowser, watchErrors } from './harness';

const BUILD = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-sql-split-'));

let browser: Browser;
let server: http.Server;
let url: string;
let whole: Database;
/** paths asked of the server, in order */
const requests: string[] = [];

/** dist/ with the core file and data/ of the split build; parts held back a moment so the progress shows. */
function serveSplitSite(): Promise<void> {
  server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname.slice(1)) || 'index.html';
    requests.push(rel);
    const core = /^assets\/gongkai-[\w-]+\.sqlite(\.gz)?$/.exec(rel);
    const file = core
      ? path.join(BUILD, `gongkai.sqlite${core[1] ?? ''}`)
      : rel.startsWith('data/')
        ? path.join(BUILD, 'public', rel)
        : path.join(DIST, rel);
    if (!fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.wasm') ? 'application/wasm' : file.endsWith('.html') ? 'text/html' : 'application/octet-stream';
    setTimeout(() => res.writeHead(200, { 'content-type': type }).end(fs.readFileSync(file)), rel.startsWith('data/part-') ? 700 : 0);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
}

beforeAll(async () => {
  expect(fs.existsSync(path.join(DIST, 'index.html')), 'dist/ is built by npm run test:browser').toBe(true);
  const summary = await buildDatabase({
    reportsDir: path.resolve('data/reports'),
    manifestPath: path.resolve('data/manifest.csv'),
    outFile: path.join(BUILD, 'gongkai.sqlite'),
    builtAt: '2026-11-21',
    splitGzipBytes: 1,
  });
  expect(summary.parts).toBeGreaterThan(1);
  whole = await openBuiltDatabase(path.join(BUILD, 'gongkai.sqlite'));
  await serveSplitSite();
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  whole?.close();
  fs.rmSync(BUILD, { recursive: true, force: true });
});

const parts = () => requests.filter((r) => r.startsWith('data/part-')).sort();
const shown = (page: Page) =>
  page.locator('.result-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));

describe('查询 over per-year parts', () => {
  test('a query on organs fetches no part; one on reports fetches every part, with progress, and answers as the whole database', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    const organs = 'SELECT name, province FROM organs ORDER BY organ_id';
    await page.goto(`${url}?v=1&view=sql&sql=${encodeURIComponent(organs)}`);
    await expect.poll(() => page.locator('.sql-status').innerText(), { timeout: 30_000 }).toMatch(/^共 \d+ 行/);
    expect(await shown(page)).toEqual(whole.exec(organs)[0].values.map((r) => r.map((v) => (v === null ? 'NULL' : String(v)))));
    expect(parts()).toEqual([]);

    const sql = 'SELECT year, COUNT(*) AS n, SUM(s3_new_total) AS s FROM reports GROUP BY year ORDER BY year';
    await page.getByLabel('SQL', { exact: true }).fill(sql);
    await page.getByRole('button', { name: '运行' }).click();
    await expect.poll(() => page.locator('.sql-status').innerText(), { timeout: 30_000 }).toMatch(/正在加载 20\d\d 年\S+数据（\d+\/\d+）…/);
    expect(await page.locator('.sql-status progress').count()).toBe(1);
    await expect.poll(() => page.locator('.sql-status').innerText(), { timeout: 30_000 }).toMatch(/^共 \d+ 行/);
    expect(await shown(page)).toEqual(whole.exec(sql)[0].values.map((r) => r.map((v) => (v === null ? 'NULL' : String(v)))));
    const files = fs.readdirSync(path.join(BUILD, 'public', 'data')).filter((f) => f.startsWith('part-')).sort();
    expect(parts()).toEqual(files.map((f) => `data/${f}`));
    expect(errors).toEqual([]);
    await page.close();
  });
});
