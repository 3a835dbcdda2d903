/**
 * The site over a split database: the seed reports built with the split forced
 * (1-byte threshold) into a temporary build directory, `vite build` of the
 * project into a temporary outDir with that database, served locally. The
 * overview and 依申请公开 must show what the unsplit site (dist/) shows, from
 * the index's rollups without any part; a view of single reports' rows (合规)
 * filtered to one year fetches only that year's parts (one a province); a progress indicator
 * shows while parts download. The repo's build/ and dist/ are not touched.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import initSqlJs from 'sql.js';
import { buildDatabase } from '../../scripts/lib/buildDatabase';
import { DIST, buildSiteOf, launchBrowser, serveStatic, watchErrors, type StaticServer } from './harness';

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-split-site-'));
const BUILD = path.join(TMP, 'build');
const OUT = path.join(TMP, 'dist');

/** A front for a static server that records every path asked for and holds part files back for `delayMs`. */
async function slowFront(upstream: string, delayMs: number): Promise<StaticServer & { requests: string[] }> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    requests.push(url);
    const wait = /\/data\/part-/.test(url) ? delayMs : 0;
    setTimeout(() => {
      http.get(new URL(url, upstream), (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
    }, wait);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

let browser: Browser;
let split: StaticServer;
let whole: StaticServer;
/** paths requested of the split site, in order */
let requests: string[] = [];
let parts: string[];
/** part file → the province of its reports (from the index's parts table) */
let provinceOf: Map<string, string | null>;

beforeAll(async () => {
  expect(fs.existsSync(path.join(DIST, 'index.html')), 'dist/ is built by npm run test:browser').toBe(true);
  const summary = await buildDatabase({
    reportsDir: path.resolve('data/reports'),
    manifestPath: path.resolve('data/manifest.csv'),
    outFile: path.join(BUILD, 'gongkai.sqlite'),
    builtAt: '2026-11-21',
    splitGzipBytes: 1,
  });
  // 2019, 2020 (two provinces), 2021
  expect(summary.parts).toBe(4);
  parts = fs.readdirSync(path.join(BUILD, 'public', 'data')).filter((f) => f.startsWith('part-')).sort();
  const SQL = await initSqlJs();
  const index = new SQL.Database(fs.readFileSync(path.join(BUILD, 'gongkai.sqlite')));
  provinceOf = new Map((index.exec('SELECT file, province FROM parts')[0]?.values ?? []).map(([f, p]) => [String(f), p === null ? null : String(p)]));
  index.close();
  expect([...provinceOf.keys()].sort()).toEqual(parts);
  await buildSiteOf(BUILD, OUT);
  expect(fs.readdirSync(path.join(OUT, 'data')).filter((f) => f.startsWith('part-')).sort()).toEqual(parts);
  split = await serveStatic(OUT, '/', (rel) => {
    requests.push(rel);
    return null;
  });
  whole = await serveStatic(DIST);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await split?.close();
  await whole?.close();
  fs.rmSync(TMP, { recursive: true, force: true });
});

const partRequests = () => requests.filter((r) => r.startsWith('data/part-')).sort();

async function reportList(page: Page): Promise<string[]> {
  const list = page.getByRole('table', { name: /报告列表/ });
  await list.locator('tbody tr').first().waitFor({ timeout: 30_000 });
  return list.locator('tbody tr').allInnerTexts();
}

/** The overview's headline figures and the report list, once loaded. */
async function overview(page: Page): Promise<{ cards: string; list: string[] }> {
  const list = await reportList(page);
  await expect.poll(() => page.getByTestId('load-progress').count()).toBe(0);
  const cards = await page.getByRole('region', { name: '覆盖范围' }).innerText();
  return { cards, list };
}

/** The data table of a figure (inside its closed <details>), as text, once it has rows. */
async function figureData(page: Page, title: string): Promise<string> {
  const table = page.getByRole('table', { name: title, includeHidden: true });
  await table.locator('tbody tr').first().waitFor({ state: 'attached', timeout: 30_000 });
  await expect.poll(() => page.getByTestId('load-progress').count()).toBe(0);
  return (await table.textContent()) ?? '';
}

const APPLICANTS = '收到的申请：按申请人类型';
const MATRIX = '合规矩阵：报告 × 检查项（问题最多的前40份）';

describe('the site over per-year parts', () => {
  test('the overview answers from the index alone — no part is fetched — and shows what the unsplit site shows', async () => {
    requests = [];
    const a = await browser.newPage();
    const errors = watchErrors(a);
    await a.goto(split.url);
    const got = await overview(a);
    expect(partRequests()).toEqual([]);
    const b = await browser.newPage();
    await b.goto(whole.url);
    const want = await overview(b);
    expect(got.list).toEqual(want.list);
    expect(got.cards).toEqual(want.cards);
    expect(got.list.length).toBe(5);
    // the same year options (meta reads them from the index)
    const years = (p: Page) => p.getByLabel('年度', { exact: true }).locator('option').allInnerTexts();
    expect(await years(a)).toEqual(await years(b));
    // 依申请公开 unfiltered sums every year from the index's rollups: no part, no directory
    const before = requests.length;
    await a.getByRole('link', { name: '依申请公开' }).click();
    const figures = await figureData(a, APPLICANTS);
    expect(requests.slice(before).filter((r) => r.startsWith('data/'))).toEqual([]);
    expect(partRequests()).toEqual([]);
    await b.getByRole('link', { name: '依申请公开' }).click();
    expect(figures).toEqual(await figureData(b, APPLICANTS));
    expect(errors).toEqual([]);
    await a.close();
    await b.close();
  });

  // (with a check chosen: 合规 unfiltered by place reads the leaders file, tests/build/leaders.test.ts; one check's failures read the parts)
  test('合规 of one check with 年度 2020 至 2020 on a fresh load fetches only the 2020 parts; widening to 2021 adds only 2021', async () => {
    requests = [];
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${split.url}?v=1&view=compliance&from=2020&to=2020&check=C01`);
    const data = await figureData(page, MATRIX);
    // a row's year is followed by its template: 20202019 is a 2020 report, 20212021 a 2021 one
    const YEAR_2021 = /2021(2019|2021)/;
    expect(data).toMatch(/2020(2019|2021)/);
    expect(data).not.toMatch(YEAR_2021);
    // the figures are what the unsplit site shows for the same filter
    const ref = await browser.newPage();
    await ref.goto(`${whole.url}?v=1&view=compliance&from=2020&to=2020&check=C01`);
    expect(data).toEqual(await figureData(ref, MATRIX));
    await ref.close();
    expect(partRequests()).toEqual(parts.filter((p) => p.startsWith('part-2020-')).map((p) => `data/${p}`));
    expect(partRequests()).toHaveLength(2);

    await page.getByLabel('至', { exact: true }).selectOption('2021');
    await expect.poll(async () => YEAR_2021.test(await figureData(page, MATRIX))).toBe(true);
    expect(partRequests()).toEqual(parts.filter((p) => /^part-202[01]-/.test(p)).map((p) => `data/${p}`));
    expect(requests.filter((r) => r.includes('part-2020-'))).toHaveLength(2); // each loaded once, kept
    expect(errors).toEqual([]);
    await page.close();
  });

  test("opening a report fetches only its own year's part of its province", async () => {
    requests = [];
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(split.url);
    const list = page.getByRole('table', { name: /报告列表/ });
    const row = list.locator('tbody tr').filter({ hasText: '2021' }).first();
    await row.waitFor({ timeout: 30_000 });
    expect(partRequests()).toEqual([]);
    await row.getByRole('link').first().click();
    await page.getByRole('heading', { level: 2 }).filter({ hasText: '2021' }).first().waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('load-progress').count()).toBe(0);
    expect(partRequests()).toEqual([`data/${parts.find((p) => p.startsWith('part-2021-'))}`]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a progress indicator shows while the parts download, and is gone after', async () => {
    const front = await slowFront(split.url, 1500);
    try {
      const page = await browser.newPage();
      const errors = watchErrors(page);
      await page.goto(`${front.url}?v=1&view=compliance&check=C01`);
      const indicator = page.getByTestId('load-progress');
      await indicator.waitFor({ state: 'visible', timeout: 30_000 });
      await expect.poll(() => indicator.innerText()).toMatch(/正在加载 20\d\d 年\S+数据 \(\d\/\d\)…/);
      expect(await indicator.getAttribute('role')).toBe('status');
      expect(await indicator.getAttribute('aria-live')).toBe('polite');
      expect(await indicator.locator('progress').count()).toBe(1);
      // while it is up, the figures wait for the parts; once they are in, it goes
      expect(await page.getByRole('table', { name: MATRIX, includeHidden: true }).locator('tbody tr').count()).toBe(0);
      await indicator.waitFor({ state: 'detached', timeout: 30_000 });
      expect(await figureData(page, MATRIX)).toMatch(/2021(2019|2021)/);
      expect(await indicator.count()).toBe(0);
      expect(front.requests.filter((r) => r.includes('/data/part-'))).toHaveLength(4);
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await front.close();
    }
  });

  test('自查 on a split site fetches nothing by itself; asked, it loads the province and earlier years and compares', async () => {
    requests = [];
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${split.url}?v=2&view=selfcheck`);
    await page.locator('#selfcheck-file').waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    const before = requests.length;
    const text = fs.readFileSync(path.resolve('data/reports/002_8d6632e4e8c36cd9.txt'), 'utf8').replaceAll('2021', '2022');
    await page.getByText('或粘贴报告全文').click();
    await page.getByLabel('报告全文').fill(text);
    await page.getByRole('button', { name: '检查粘贴的文字' }).click();
    const cross = page.getByTestId('selfcheck-cross');
    await expect.poll(() => cross.innerText(), { timeout: 30_000 }).toContain('数据库分卷存放');
    expect(requests.slice(before).filter((r) => r.startsWith('data/'))).toEqual([]);
    await page.getByRole('button', { name: '载入黑龙江省 2021 年及以前的数据并比对' }).click();
    await expect.poll(() => cross.innerText(), { timeout: 30_000 }).toMatch(/C18 上年结转=上年报告结转下年度：与 2021 年报告/);
    const fetched = requests.slice(before).filter((r) => r.startsWith('data/'));
    // 黑龙江省's parts only: the earlier reports of an organ are in its own province
    const hlj = parts.filter((p) => /^part-20(19|20|21)-/.test(p) && provinceOf.get(p) === '黑龙江省');
    expect(hlj.length).toBeGreaterThan(0);
    expect(hlj.length).toBeLessThan(parts.length);
    expect(fetched.filter((r) => r.startsWith('data/part-')).sort()).toEqual(hlj.map((p) => `data/${p}`));
    expect(fetched.some((r) => r.startsWith('data/dir-'))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});

/**
 * The size guard: a build whose large_download_bytes lies between one province's
 * files and every province's. 合规 unfiltered would download every part: the page
 * says how much, fetches nothing, and loads once the reader agrees; with 省份 set it
 * loads that province's files without asking. 搜索机关 likewise.
 */
describe('a query that would download more than large_download_bytes waits for the reader', () => {
  const GUARD = path.join(TMP, 'guard');
  const GUARD_OUT = path.join(TMP, 'guard-dist');
  let server: StaticServer;
  let asked: string[] = [];
  let province = '';
  beforeAll(async () => {
    const SQL = await initSqlJs();
    const index = new SQL.Database(fs.readFileSync(path.join(BUILD, 'gongkai.sqlite')));
    // each province's directory and parts together, the largest of them
    const per = index.exec(
      `SELECT d.province, d.bytes + COALESCE((SELECT SUM(p.bytes) FROM parts p WHERE p.province IS d.province), 0) AS bytes
       FROM directories d WHERE d.province IS NOT NULL ORDER BY bytes DESC`,
    )[0].values;
    const all = Number(index.exec('SELECT (SELECT SUM(bytes) FROM parts) + (SELECT SUM(bytes) FROM directories)')[0].values[0][0]);
    index.close();
    province = String(per[0][0]);
    const limit = Number(per[0][1]) + 1;
    expect(all).toBeGreaterThan(limit);
    await buildDatabase({
      reportsDir: path.resolve('data/reports'),
      manifestPath: path.resolve('data/manifest.csv'),
      outFile: path.join(GUARD, 'gongkai.sqlite'),
      builtAt: '2026-11-21',
      splitGzipBytes: 1,
      largeDownloadBytes: limit,
    });
    await buildSiteOf(GUARD, GUARD_OUT);
    server = await serveStatic(GUARD_OUT, '/', (rel) => {
      asked.push(rel);
      return null;
    });
  });
  afterAll(async () => server?.close());

  test('合规 of one check nationally asks first, fetching no part; 下载并显示 loads every part and draws the matrix', async () => {
    asked = [];
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}?v=1&view=compliance&check=C01`);
    const note = page.getByTestId('large-download');
    await note.waitFor({ timeout: 30_000 });
    expect(await note.innerText()).toMatch(/合规数据尚未下载。[\s\S]*需要先下载 \d+ 个数据文件，约 [\d.]+ MB[\s\S]*选择省份后只下载该省的数据/);
    expect(asked.filter((r) => r.startsWith('data/part-'))).toEqual([]);
    await page.getByRole('button', { name: /下载并显示（约 [\d.]+ MB）/ }).click();
    expect(await figureData(page, MATRIX)).toMatch(/2021(2019|2021)/);
    expect(await note.count()).toBe(0);
    expect(asked.filter((r) => r.startsWith('data/part-')).sort()).toEqual(parts.map((p) => `data/${p}`));
    expect(errors).toEqual([]);
    await page.close();
  });

  test("合规 of one province loads that province's parts without asking", async () => {
    asked = [];
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}?v=1&view=compliance&province=${encodeURIComponent(province)}`);
    await figureData(page, MATRIX);
    expect(await page.getByTestId('large-download').count()).toBe(0);
    const fetched = asked.filter((r) => r.startsWith('data/part-')).map((r) => r.slice('data/'.length));
    expect(fetched.length).toBeGreaterThan(0);
    expect(fetched.every((f) => provinceOf.get(f) === province)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('搜索机关 across every province asks first; within the chosen province it searches at once', async () => {
    asked = [];
    const page = await browser.newPage();
    const errors = watchErrors(page);
    // (the overview's first page of reports spans every province of the seeds: it asks too, so wait for the box alone)
    await page.goto(server.url);
    const box = page.getByRole('combobox', { name: /搜索机关/ });
    await box.waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    asked = [];
    await box.fill('人民政府');
    const status = page.locator('#f-organ-status');
    await expect.poll(() => status.innerText(), { timeout: 30_000 }).toMatch(/搜索全国的机关需先下载各省机关目录/);
    expect(asked.filter((r) => r.startsWith('data/dir-'))).toEqual([]);
    await page.getByRole('button', { name: '下载并搜索' }).click();
    await expect.poll(() => status.innerText(), { timeout: 30_000 }).toMatch(/个机关匹配/);
    expect(asked.filter((r) => r.startsWith('data/dir-')).length).toBeGreaterThan(1);
    expect(errors).toEqual([]);
    await page.close();

    asked = [];
    const p2 = await browser.newPage();
    await p2.goto(`${server.url}?v=1&province=${encodeURIComponent(province)}`);
    await reportList(p2);
    await p2.getByRole('combobox', { name: /搜索机关/ }).fill('人民政府');
    await expect.poll(() => p2.locator('#f-organ-status').innerText(), { timeout: 30_000 }).toMatch(/个机关匹配|没有名称/);
    // the province's directory, fetched once for its report list and searched as it is
    expect(asked.filter((r) => r.startsWith('data/dir-'))).toHaveLength(1);
    expect(await p2.getByRole('button', { name: '下载并搜索' }).count()).toBe(0);
    await p2.close();
  });
});
